/**
 * Corpus files that nft 1.0.6 (the oracle here) rejects although their syntax is valid nftables:
 * newer syntax than 1.0.6, kernel features the sandbox kernel lacks, or names that only exist on
 * the host that produced the file. Reviewed by category (the reason says which); the corpus test
 * checks that nft still rejects every file listed, so a newer oracle shrinks the list.
 */
export const KNOWN_REJECTED_BUT_VALID: Record<string, string> = {
  "chinadns-ng__chnroute.nftset":
    "kernel netlink message size limit for a very large element list, not a syntax problem (nft 1.0.6: \"Could not process rule: Message too long\")",
  "chinadns-ng__chnroute6.nftset":
    "kernel netlink message size limit for a very large element list, not a syntax problem (nft 1.0.6: \"Could not process rule: Message too long\")",
  "fw4-tests__01_configuration_01_ruleset.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "fw4-tests__02_zones_06_family_selections.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "fw4-tests__02_zones_07_helpers.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "istio-nft-capture__ipv6-dns-outbound-owner-groups-exclude.golden":
    "host-dependent: the group name is resolved against this machine (nft 1.0.6: \"Group does not exist\")",
  "istio-nft-capture__ipv6-dns-outbound-owner-groups.golden":
    "host-dependent: the group name is resolved against this machine (nft 1.0.6: \"Group does not exist\")",
  "istio-nft-capture__outbound-owner-groups-exclude.golden":
    "host-dependent: the group name is resolved against this machine (nft 1.0.6: \"Group does not exist\")",
  "istio-nft-capture__outbound-owner-groups.golden":
    "host-dependent: the group name is resolved against this machine (nft 1.0.6: \"Group does not exist\")",
  "moby-nftabler__cleaned,hairpin=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__cleaned,hairpin=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__cleaned,hairpin=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__cleaned,hairpin=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__cleaned,hairpin=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=false,internal=true,icc=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=false,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=false,snat=true,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=false,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=false,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=routed,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=routed,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=routed,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=routed,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=false,snat=true,gwm=routed,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat-unprotected,bindlh=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=true,icc=false,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=true,icc=false__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=true,icc=true,wsl2mirrored=true__ip.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "moby-nftabler__hairpin=true,internal=true,icc=true__ip6.golden":
    "nft 1.0.6 rejects `priority dstnat` on the output hook (and `srcnat` on input); nft 1.1.x accepts it (reference \u00a75) (nft 1.0.6: \"invalid priority expression value in this context.\")",
  "nftables-files__examples_load_balancing.nft":
    "host-dependent: the interface does not exist in the throwaway namespace (nft 1.0.6: \"Interface does not exist\")",
  "nftables-files__examples_secmark.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-files__examples_sets_and_maps.nft":
    "host-dependent: the interface does not exist in the throwaway namespace (nft 1.0.6: \"Interface does not exist\")",
  "nftables-tests__bitwise_0040mark_binop_10.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_0040mark_binop_11.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_0040mark_binop_12.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_0040mark_binop_13.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_0040mark_binop_2.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"datatype mismatch: expected packet mark, expression has type Differentiated Services Code Point\")",
  "nftables-tests__bitwise_0040mark_binop_3.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"datatype mismatch: expected packet mark, expression has type Differentiated Services Code Point\")",
  "nftables-tests__bitwise_0040mark_binop_4.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Left shift of 26 bits is undefined for type of 8 bits width\")",
  "nftables-tests__bitwise_0040mark_binop_5.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Left shift of 26 bits is undefined for type of 8 bits width\")",
  "nftables-tests__bitwise_0040mark_binop_6.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"datatype mismatch: expected packet mark, expression has type Differentiated Services Code Point\")",
  "nftables-tests__bitwise_0040mark_binop_7.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"datatype mismatch: expected packet mark, expression has type Differentiated Services Code Point\")",
  "nftables-tests__bitwise_0040mark_binop_8.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Left shift of 26 bits is undefined for type of 12 bits width\")",
  "nftables-tests__bitwise_0040mark_binop_9.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Left shift of 26 bits is undefined for type of 12 bits width\")",
  "nftables-tests__bitwise_0044payload_binop_2.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_0044payload_binop_5.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (|) must be constant\")",
  "nftables-tests__bitwise_bitwise_in_sets_and_maps.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (^) must be constant\")",
  "nftables-tests__flowtable_0001flowtable_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0002create_flowtable_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0003add_after_flush_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0005delete_in_use_1.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0012flowtable_variable_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0013addafterdelete_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0014addafterdelete_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__flowtable_0016name_based_hook_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__json_0005secmark_objref_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__json_single_flag.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__listing_0013objects_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string, expecting number\")",
  "nftables-tests__listing_0020flowtable_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__maps_0009vmap_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"missing statement in map declaration\")",
  "nftables-tests__maps_named_ct_objects.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string, expecting number\")",
  "nftables-tests__maps_named_limits.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected limit\")",
  "nftables-tests__maps_typeof_maps_concat.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Value 123 exceeds valid range 0-0\")",
  "nftables-tests__maps_vmap_timeout.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected gc-interval\")",
  "nftables-tests__nft-f_0012different_defines_0.nft":
    "kernel feature missing in the sandbox kernel (flowtable, secmark, queue, tunnel \u2026) or an object of it (nft 1.0.6: \"Could not process rule: No such file or directory\")",
  "nftables-tests__nft-f_0017ct_timeout_obj_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string, expecting number\")",
  "nftables-tests__nft-f_named_set_as_protocol_dep.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Transparent proxy support requires transport protocol match\")",
  "nftables-tests__nft-f_nfqueue.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected queue\")",
  "nftables-tests__optimizations_merge_counter.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"missing statement in map declaration\")",
  "nftables-tests__optimizations_merge_nat.nft":
    "fw4 output for OpenWrt's newer nft, which infers the transport protocol from a set match (nft 1.0.6: \"transport protocol mapping is only valid after transport protocol match\")",
  "nftables-tests__optimizations_merge_stmts_vmap.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"missing statement in map declaration\")",
  "nftables-tests__packetpath_bitwise_with_map.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Right hand side of binary operation (^) must be constant\")",
  "nftables-tests__packetpath_set_lookups.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Can't parse symbolic invalid expressions\")",
  "nftables-tests__parsing_large_rule_pipe.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string, expecting type or oif or oifname\")",
  "nftables-tests__sets_0029named_ifname_dtype_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"datatype mismatch, expected string, expression has type network interface name\")",
  "nftables-tests__sets_0047nat_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Could not process rule: Invalid argument\")",
  "nftables-tests__sets_0060set_multistmt_1.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected quota, expecting comma or '}'\")",
  "nftables-tests__sets_0067nat_concat_interval_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Could not process rule: Invalid argument\")",
  "nftables-tests__sets_0075tunnel_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string\")",
  "nftables-tests__sets_elem_limit_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"limit burst must be > 0\")",
  "nftables-tests__sets_inner_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"primary expression type 'symbol' lacks typeof serialization\")",
  "nftables-tests__sets_set_stmt.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string\")",
  "nftables-tests__sets_type_set_symbol.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Can't parse symbolic invalid expressions\")",
  "nftables-tests__sets_typeof_sets_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"nft: evaluate.c:4159: set_expr_evaluate_concat: Assertion `i->len == i->dtype->size' failed.\")",
  "nftables-tests__sets_typeof_sets_concat.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"Value 123 exceeds valid range 0-0\")",
  "nftables-tests__transactions_0049huge_0.nft":
    "dump printed by nft 1.1.6 itself (`nft list ruleset`), so valid 1.1 syntax; nft 1.0.6 or this kernel rejects it (nft 1.0.6: \"syntax error, unexpected string, expecting type or oif or oifname\")",
};
