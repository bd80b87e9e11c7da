export { averageRanks, kendallTauB, pearson, spearman } from './rankCorrelation';
export { erf, erfc, logErfc } from './errorFunction';
