// CME bitcoin and ether futures contract sizes: how many coins one contract is, by asset and
// contract (front = the standard contract, micro = the micro contract). Exchange specifications.

/** Coins per CME contract, keyed "ASSET/contract": BTC 5 and 0.1 (micro), ETH 50 and 0.1 (micro). */
export const COINS_PER_CONTRACT = {
  'BTC/front': 5,
  'BTC/micro': 0.1,
  'ETH/front': 50,
  'ETH/micro': 0.1,
} as const satisfies Readonly<Record<string, number>>;

/** A CME contract Tidemark knows the size of. */
export type CmeContract = keyof typeof COINS_PER_CONTRACT;

/** Coins per contract of `asset`'s `contract` ("front", "micro"), or undefined for an unknown one. */
export function coinsPerContract(asset: string, contract: string): number | undefined {
  const sizes: Readonly<Record<string, number>> = COINS_PER_CONTRACT;
  return sizes[`${asset}/${contract}`];
}
