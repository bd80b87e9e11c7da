export { averageRanks, kendallTauB, pearson, spearman } from './rankCorrelation';
