// Runs inside a test network namespace (via `ip netns exec`), because a Node process cannot
// switch its own namespace. Plain JavaScript so that it runs without a TypeScript loader.
//
//   node agent.mjs serve <tcp ports,comma> <udp ports,comma>
//     Listens on every address of the namespace (IPv4 and IPv6), accepts TCP connections and
//     echoes UDP datagrams. Prints `ready` once bound; exits when stdin closes so that a dying
//     test run never leaves it behind.
//
//   node agent.mjs mark
//     Sends one UDP datagram to 127.0.0.1:9, a packet the trace monitor can be seen to report.
//
//   node agent.mjs probe '<json array of probes>'
//     Sends one TCP SYN (a connect) or one UDP datagram per probe, all at once, and prints a JSON
//     array of outcomes in the same order: `accepted` (the connection was established or the echo
//     came back), `rejected` (an RST or ICMP error came back), `dropped` (nothing came back before
//     the timeout) or `error: …` (the probe itself could not be sent).
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';

const REJECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EACCES', 'EPERM']);

function parsePorts(list) {
  return list ? list.split(',').filter(Boolean).map(Number) : [];
}

function localAddresses() {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && !address.address.startsWith('fe80:'));
}

async function serve(tcpPorts, udpPorts) {
  const bound = [];
  for (const port of tcpPorts) {
    const server = net.createServer((socket) => socket.destroy());
    bound.push(new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '::', port, ipv6Only: false }, resolve);
    }));
  }
  // One UDP socket per local address, so that each echo leaves from the address the datagram
  // was sent to; a wildcard socket would answer from the primary address and the reply would
  // not belong to the sender's conntrack entry.
  for (const address of localAddresses()) {
    for (const port of udpPorts) {
      const socket = dgram.createSocket(address.family === 'IPv6' ? 'udp6' : 'udp4');
      socket.on('message', (message, peer) => socket.send(message, peer.port, peer.address));
      bound.push(new Promise((resolve, reject) => {
        socket.once('error', reject);
        socket.bind({ address: address.address, port }, resolve);
      }));
    }
  }
  await Promise.all(bound);
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
}

function probeTcp(probe) {
  return new Promise((resolve) => {
    const socket = net.connect({
      host: probe.to,
      port: probe.dport,
      localAddress: probe.from,
      localPort: probe.sport,
      family: probe.family,
    });
    const timer = setTimeout(() => finish('dropped'), probe.timeoutMs);
    function finish(outcome) {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    }
    socket.once('connect', () => finish('accepted'));
    socket.once('error', (error) => {
      finish(REJECT_CODES.has(error.code) ? 'rejected' : `error: ${error.code ?? error.message}`);
    });
  });
}

function probeUdp(probe) {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(probe.family === 6 ? 'udp6' : 'udp4');
    let timer;
    function finish(outcome) {
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    }
    socket.once('message', () => finish('accepted'));
    socket.once('error', (error) => {
      finish(REJECT_CODES.has(error.code) ? 'rejected' : `error: ${error.code ?? error.message}`);
    });
    socket.bind({ address: probe.from, port: probe.sport }, () => {
      // A connected socket is what makes the kernel report an ICMP error back to us.
      socket.connect(probe.dport, probe.to, () => {
        timer = setTimeout(() => finish('dropped'), probe.timeoutMs);
        socket.send('fwlint-probe');
      });
    });
  });
}

async function probeAll(probes) {
  const outcomes = await Promise.all(
    probes.map((probe) => (probe.proto === 'tcp' ? probeTcp(probe) : probeUdp(probe))),
  );
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'serve') {
  await serve(parsePorts(args[0]), parsePorts(args[1]));
} else if (mode === 'mark') {
  const socket = dgram.createSocket('udp4');
  socket.send('fwlint-mark', 9, '127.0.0.1', () => socket.close());
} else if (mode === 'probe') {
  await probeAll(JSON.parse(args[0]));
} else {
  process.stderr.write('usage: agent.mjs serve <tcp ports> <udp ports> | mark | probe <json>\n');
  process.exit(2);
}
