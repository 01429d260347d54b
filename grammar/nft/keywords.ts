/**
 * Words the nft scanner treats as keywords in every context (nftables 1.1.6 scanner.l, reference
 * §0). They cannot name tables, chains, sets or objects; `last` is the one keyword upstream also
 * accepts as an identifier, and `tunnel` is left out because nft 1.0.6 still accepts it as a name.
 */
export const GLOBAL_KEYWORDS: ReadonlySet<string> = new Set(
  `table chain rule set map element flowtable ruleset handle position index add create insert delete
  replace update get list reset flush rename import export monitor describe destroy include define
  redefine undefine hook device devices type typeof priority policy flags comment timeout gc-interval
  expires elements size interval dynamic constant auto-merge flow offload meter accept drop continue
  return jump goto queue counter log limit quota reject snat dnat masquerade redirect random
  notrack dup fwd tproxy synproxy secmark xt socket ip ip6 inet arp bridge netdev ether vlan th tcp
  udp udplite icmp icmpv6 igmp sctp dccp gre gretap vxlan geneve vni ah esp comp rt rt0 rt2 srh hbh
  frag dst mh exthdr ipsec ecn meta ct numgen jhash symhash fib osf time hour day mark iif iifname
  iiftype oif oifname oiftype skuid skgid nftrace rtclassid ibrname obrname ibriport obriport pkttype
  cpu iifgroup oifgroup cgroup all exists missing eq ne lt gt le ge and or xor lshift rshift not vmap`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Keywords nft also accepts as values (`keyword_expr`): `meta l4proto tcp`, `ct status dnat`. */
export const KEYWORD_VALUES: ReadonlySet<string> = new Set(
  `ip ip6 ether vlan arp dnat snat ecn reset destroy original reply label last tcp udp udplite esp ah icmp
  igmp icmpv6 gre comp dccp sctp redirect`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** What a statement looks like, for a line that starts with its keyword but does not parse as it. */
export const USAGE: Record<string, string> = {
  define: 'define NAME = VALUE',
  redefine: 'redefine NAME = VALUE',
  undefine: 'undefine NAME',
  include: 'include "FILE"',
  table: 'table [FAMILY] NAME { … }',
  chain: 'chain [FAMILY] TABLE NAME { … }',
  rule: 'rule [FAMILY] TABLE CHAIN STATEMENT…',
  set: 'set [FAMILY] TABLE NAME { … }',
  map: 'map [FAMILY] TABLE NAME { … }',
  element: 'element [FAMILY] TABLE SET { ELEMENT, … }',
  flowtable: 'flowtable [FAMILY] TABLE NAME { … }',
};

/** Words that start a named object inside a table block. */
export const TABLE_OBJECTS = new Set(['chain', 'set', 'map', 'flowtable', 'counter', 'quota', 'limit', 'secmark', 'synproxy', 'tunnel', 'ct']);
