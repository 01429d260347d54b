/**
 * What getopt needs to know about each option: its names, how many values follow it and whether
 * `!` may precede it. Tables are written in a compact notation, one string per module:
 *
 *   '!sport|source-port=1 syn'   →  `--sport` (alias `--source-port`) takes one value and may be
 *                                   negated; `--syn` takes none and may not.
 *
 * Sources: iptables-extensions(8) and the extensions' option tables in iptables 1.8.x.
 */

export interface OptionDef {
  /** Canonical long name without the dashes. */
  name: string;
  aliases: string[];
  arity: number;
  negatable: boolean;
}

export interface ExtensionDef {
  name: string;
  options: OptionDef[];
  /** 4 or 6 when the extension exists for one IP version only. */
  only?: 4 | 6;
}

function parseOptionList(spec: string): OptionDef[] {
  return spec
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      const negatable = word.startsWith('!');
      const body = negatable ? word.slice(1) : word;
      const [names = '', arity = '0'] = body.split('=');
      const [name = '', ...aliases] = names.split('|');
      return { name, aliases, arity: Number(arity), negatable };
    });
}

function table(specs: Record<string, string>, only: Record<string, 4 | 6> = {}): ReadonlyMap<string, ExtensionDef> {
  const result = new Map<string, ExtensionDef>();
  for (const [name, spec] of Object.entries(specs)) {
    const version = only[name];
    result.set(name, { name, options: parseOptionList(spec), ...(version ? { only: version } : {}) });
  }
  return result;
}

const PORTS = '!sport|source-port=1 !dport|destination-port=1';

export const MATCH_MODULES = table(
  {
    tcp: `${PORTS} !tcp-flags=2 !syn !tcp-option=1`,
    udp: PORTS,
    sctp: `${PORTS} !chunk-types=2`,
    dccp: `${PORTS} !dccp-types=1 !dccp-option=1`,
    icmp: '!icmp-type=1',
    icmp6: '!icmpv6-type=1',
    multiport: '!sports|source-ports=1 !dports|destination-ports=1 !ports=1',
    conntrack:
      '!ctstate=1 !ctproto=1 !ctorigsrc=1 !ctorigdst=1 !ctreplsrc=1 !ctrepldst=1 !ctorigsrcport=1 ' +
      '!ctorigdstport=1 !ctreplsrcport=1 !ctrepldstport=1 !ctstatus=1 !ctexpire=1 ctdir=1',
    state: '!state=1',
    comment: 'comment=1',
    limit: 'limit=1 limit-burst=1',
    hashlimit:
      'hashlimit-upto=1 hashlimit-above=1 hashlimit-burst=1 hashlimit-mode=1 hashlimit-srcmask=1 ' +
      'hashlimit-dstmask=1 hashlimit-name=1 hashlimit-htable-size=1 hashlimit-htable-max=1 ' +
      'hashlimit-htable-expire=1 hashlimit-htable-gcinterval=1 hashlimit-rate-match hashlimit-rate-interval=1 ' +
      'hashlimit=1',
    recent: '!set !rcheck !update !remove name=1 seconds=1 reap hitcount=1 rttl rsource rdest mask=1',
    iprange: '!src-range=1 !dst-range=1',
    set:
      '!match-set=2 !set=2 return-nomatch !update-counters !update-subcounters !packets-eq=1 !packets-lt=1 ' +
      '!packets-gt=1 !bytes-eq=1 !bytes-lt=1 !bytes-gt=1',
    mark: '!mark=1',
    connmark: '!mark=1',
    owner: '!uid-owner=1 !gid-owner=1 suppl-groups !socket-exists',
    addrtype: '!src-type=1 !dst-type=1 limit-iface-in limit-iface-out',
    physdev: '!physdev-in=1 !physdev-out=1 !physdev-is-in !physdev-is-out !physdev-is-bridged',
    mac: '!mac-source=1',
    connlimit: 'connlimit-upto=1 !connlimit-above=1 connlimit-mask=1 connlimit-saddr connlimit-daddr',
    statistic: 'mode=1 !probability=1 !every=1 packet=1',
    time:
      'datestart=1 datestop=1 timestart=1 timestop=1 !monthdays=1 !weekdays=1 kerneltz utc localtz contiguous',
    string: 'algo=1 from=1 to=1 !string=1 !hex-string=1 icase',
    u32: '!u32=1',
    quota: '!quota=1',
    length: '!length=1',
    ttl: '!ttl-eq=1 !ttl-lt=1 !ttl-gt=1',
    hl: '!hl-eq=1 !hl-lt=1 !hl-gt=1',
    tos: '!tos=1',
    dscp: '!dscp=1 !dscp-class=1',
    ecn: '!ecn-tcp-cwr !ecn-tcp-ece !ecn-ip-ect=1',
    pkttype: '!pkt-type=1',
    helper: '!helper=1',
    socket: 'transparent nowildcard restore-skmark',
    policy:
      'dir=1 pol=1 strict !reqid=1 !spi=1 !proto=1 !mode=1 !tunnel-src=1 !tunnel-dst=1 next',
    rpfilter: 'loose validmark accept-local invert',
    devgroup: '!src-group=1 !dst-group=1',
    cgroup: '!path=1 !cgroup=1',
    cpu: '!cpu=1',
    esp: '!espspi=1',
    ah: '!ahspi=1 !ahlen=1 ahres',
    frag: '!fragid=1 !fraglen=1 fragres fragfirst fragmore fraglast',
    rt: '!rt-type=1 !rt-segsleft=1 !rt-len=1 rt-0-res rt-0-addrs=1 rt-0-not-strict',
    hbh: '!hbh-len=1 hbh-opts=1',
    dst: '!dst-len=1 dst-opts=1',
    ipv6header: '!header=1 soft',
    mh: '!mh-type=1',
    eui64: '',
    realm: '!realm=1',
    tcpmss: '!mss=1',
    connbytes: '!connbytes=1 connbytes-dir=1 connbytes-mode=1',
    osf: '!genre=1 ttl=1 log=1',
    nfacct: 'nfacct-name=1',
    bpf: 'bytecode=1 object-pinned=1',
    ipvs: '!ipvs !vproto=1 !vaddr=1 !vport=1 vdir=1 !vmethod=1 !vportctl=1',
    cluster: 'cluster-total-nodes=1 !cluster-local-node=1 !cluster-local-nodemask=1 cluster-hash-seed=1',
    ipcomp: '!ipcompspi=1 compres',
    connlabel: '!label=1 set',
    geoip: '!src-cc|source-country=1 !dst-cc|destination-country=1',
  },
  { icmp: 4, icmp6: 6, frag: 6, rt: 6, hbh: 6, dst: 6, ipv6header: 6, mh: 6, eui64: 6, hl: 6, ttl: 4, realm: 4 },
);

/** Aliases `-m` accepts for a module (`-m icmpv6` loads the `icmp6` match, `-m udplite` the `udp` one is not). */
export const MATCH_ALIASES: ReadonlyMap<string, string> = new Map([['icmpv6', 'icmp6']]);

export const TARGETS = table(
  {
    ACCEPT: '',
    DROP: '',
    RETURN: '',
    QUEUE: '',
    REJECT: 'reject-with=1',
    LOG: 'log-level=1 log-prefix=1 log-tcp-sequence log-tcp-options log-ip-options log-uid log-macdecode',
    ULOG: 'ulog-nlgroup=1 ulog-prefix=1 ulog-cprange=1 ulog-qthreshold=1',
    NFLOG: 'nflog-group=1 nflog-prefix=1 nflog-range=1 nflog-size=1 nflog-threshold=1',
    DNAT: 'to-destination=1 random persistent',
    SNAT: 'to-source=1 random random-fully persistent',
    MASQUERADE: 'to-ports=1 random random-fully',
    REDIRECT: 'to-ports=1 random',
    NETMAP: 'to=1',
    MARK: 'set-mark=1 set-xmark=1 and-mark=1 or-mark=1 xor-mark=1',
    CONNMARK:
      'set-mark=1 set-xmark=1 save-mark restore-mark nfmask=1 ctmask=1 mask=1 and-mark=1 or-mark=1 xor-mark=1',
    CT: 'notrack helper=1 ctevents=1 expevents=1 zone-orig=1 zone-reply=1 zone=1 timeout=1',
    NOTRACK: '',
    TRACE: '',
    TCPMSS: 'set-mss=1 clamp-mss-to-pmtu',
    NFQUEUE: 'queue-num=1 queue-balance=1 queue-bypass queue-cpu-fanout fail-open',
    DSCP: 'set-dscp=1 set-dscp-class=1',
    TOS: 'set-tos=1 and-tos=1 or-tos=1 xor-tos=1',
    TTL: 'ttl-set=1 ttl-dec=1 ttl-inc=1',
    HL: 'hl-set=1 hl-dec=1 hl-inc=1',
    ECN: 'ecn-tcp-remove ecn-tcp-cwr=1 ecn-tcp-ece=1 ecn-ip-ect=1',
    CLASSIFY: 'set-class=1',
    CHECKSUM: 'checksum-fill',
    SET: 'add-set=2 del-set=2 map-set=2 timeout=1 exist map-mark map-prio map-queue',
    AUDIT: 'type=1',
    TEE: 'gateway=1 oif=1',
    CONNSECMARK: 'save restore',
    SECMARK: 'selctx=1',
    IDLETIMER: 'timeout=1 label=1 alarm',
    LED: 'led-trigger-id=1 led-delay=1 led-always-blink',
    TPROXY: 'on-port=1 on-ip=1 tproxy-mark=1',
    SYNPROXY: 'sack-perm timestamp wscale=1 mss=1 ecn',
    CLUSTERIP: 'new hashmode=1 clustermac=1 total-nodes=1 local-node=1 hash-init=1',
    TCPOPTSTRIP: 'strip-options=1',
    HMARK:
      'hmark-tuple=1 hmark-mod=1 hmark-offset=1 hmark-src-prefix=1 hmark-dst-prefix=1 hmark-sport-mask=1 ' +
      'hmark-dport-mask=1 hmark-spi-mask=1 hmark-proto-mask=1 hmark-rnd=1',
    RATEEST: 'rateest-name=1 rateest-interval=1 rateest-ewmalog=1',
    DNPT: 'src-pfx=1 dst-pfx=1',
    SNPT: 'src-pfx=1 dst-pfx=1',
  },
  { DNPT: 6, SNPT: 6, ULOG: 4, CLUSTERIP: 4, TTL: 4, HL: 6 },
);

/**
 * Extensions iptables refuses to load bare ("At least one option is required", "Parameter
 * --set-xmark is required"); checked against iptables-restore 1.8.9 `--test`.
 */
export const NEEDS_AN_OPTION: ReadonlySet<string> = new Set([
  ...['addrtype', 'cluster', 'comment', 'connbytes', 'connlimit', 'connmark', 'conntrack', 'cpu', 'dscp'],
  ...['hashlimit', 'helper', 'iprange', 'length', 'mac', 'mark', 'nfacct', 'pkttype', 'quota', 'realm'],
  ...['state', 'statistic', 'string', 'tos', 'ttl', 'hl', 'owner', 'physdev', 'recent', 'set', 'u32'],
  ...['devgroup', 'policy', 'ecn', 'tcpmss', 'ipv6header'],
  ...['AUDIT', 'CHECKSUM', 'CLASSIFY', 'CONNMARK', 'CONNSECMARK', 'DSCP', 'ECN', 'HMARK', 'LED', 'MARK'],
  ...['SECMARK', 'TCPMSS', 'TEE', 'TOS', 'TTL', 'HL', 'IDLETIMER', 'SET', 'TPROXY', 'RATEEST', 'DNAT'],
  ...['SNAT', 'NETMAP', 'DNPT', 'SNPT'],
]);

/**
 * Options of the iptables command itself. Commands take their chain (and more) as positional
 * arguments; `arity` counts the required ones and `optional` the ones that may follow.
 */
export interface BaseOptionDef extends OptionDef {
  short?: string;
  command?: boolean;
  optional?: number;
}

function base(short: string | undefined, spec: string, extra: Partial<BaseOptionDef> = {}): BaseOptionDef {
  const [option] = parseOptionList(spec) as [OptionDef];
  return { ...option, ...(short ? { short } : {}), ...extra };
}

export const BASE_OPTIONS: readonly BaseOptionDef[] = [
  base('A', 'append=1', { command: true }),
  base('C', 'check=1', { command: true }),
  base('D', 'delete=1', { command: true, optional: 1 }),
  base('I', 'insert=1', { command: true, optional: 1 }),
  base('R', 'replace=2', { command: true }),
  base('L', 'list', { command: true, optional: 1 }),
  base('S', 'list-rules', { command: true, optional: 1 }),
  base('F', 'flush', { command: true, optional: 1 }),
  base('Z', 'zero', { command: true, optional: 2 }),
  base('N', 'new-chain=1', { command: true }),
  base('X', 'delete-chain', { command: true, optional: 1 }),
  base('P', 'policy=2', { command: true }),
  base('E', 'rename-chain=2', { command: true }),
  base('p', '!protocol=1'),
  base('s', '!source|src=1'),
  base('d', '!destination|dst=1'),
  base('i', '!in-interface=1'),
  base('o', '!out-interface=1'),
  base('j', 'jump=1'),
  base('g', 'goto=1'),
  base('m', 'match=1'),
  base('f', '!fragment'),
  base('c', 'set-counters=2'),
  base('4', 'ipv4'),
  base('6', 'ipv6'),
  base('t', 'table=1'),
  base('v', 'verbose'),
  base('n', 'numeric'),
  base('x', 'exact'),
  base(undefined, 'line-numbers'),
  base('M', 'modprobe=1'),
  base('w', 'wait', { optional: 1 }),
  base('W', 'wait-interval=1'),
];

/** Matches `-p PROTO` loads on its own when one of its options is seen. */
export const PROTOCOL_MATCHES: ReadonlyMap<string, string> = new Map([
  ['tcp', 'tcp'],
  ['udp', 'udp'],
  ['sctp', 'sctp'],
  ['dccp', 'dccp'],
  ['icmp', 'icmp'],
  ['icmpv6', 'icmp6'],
  ['ipv6-icmp', 'icmp6'],
  ['esp', 'esp'],
  ['ah', 'ah'],
  ['mh', 'mh'],
  ['ipv6-mh', 'mh'],
]);
