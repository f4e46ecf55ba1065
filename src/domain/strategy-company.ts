// Which treasury company is Strategy (formerly MicroStrategy, ticker MSTR): its mNAV is the one the
// analysis reads and whose freshness it judges.

const STRATEGY_NAME = /^(strategy|microstrategy|mstr)\b/i;

/** Whether a treasury company's stored name is Strategy's ('strategy', 'MicroStrategy', 'MSTR' …). */
export function isStrategy(company: string): boolean {
  return STRATEGY_NAME.test(company);
}
