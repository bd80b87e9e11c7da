export {
  analyzeSimpleModel,
  simpleModel,
  type SimpleModel,
  type SimpleModelAnalysis,
  type SimpleModelOptions,
} from './simpleModel';
