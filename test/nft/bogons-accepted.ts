/**
 * nftables fuzzer reproducers (corpus/nft/bogons) whose parse yields no error, each with why.
 * Current nft refuses every one of them (its test suite expects exit status 1), but these are valid
 * as far as fwlint can prove, depend on the host fwlint does not judge, or fail on what a lint rule
 * reports. The corpus test checks that every bogon not
 * listed yields a parse error (or, for `include "/dev/null"`, an include error), and none listed does.
 */
export const BOGONS_ACCEPTED: Record<string, string> = {
  'nftables-bogons__nft-f_byteorder_switch_stack_overflow':
    'no parse error: its error is a goto to a chain that does not exist, which the unknown-chain rule reports',
  'nftables-bogons__nft-f_delete_nonexistant_object_crash':
    'judged valid: delete is not judged (the host may have the object; see command-targets.ts)',
  'nftables-bogons__nft-f_double-free-on-binop-dtype_assert':
    'no parse error: its error is a jump to a chain that does not exist, which the unknown-chain rule reports',
  'nftables-bogons__nft-f_dynamic-stack-buffer-overflow_gen_prefix':
    'judged valid: nft 1.0.6 accepts it; later nft leaves the refusal to the kernel, which accepts it here',
  'nftables-bogons__nft-f_payload_expr_pctx_update_assert':
    'judged valid: a verb-less rule for a table the host may have (not judged); the rule itself is valid since nft 9cc41467',
};
