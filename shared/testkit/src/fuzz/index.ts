export { FUZZ_CORRELATION_KEY, FUZZ_ERROR_CODE, modelBlock, processModel, renderModel, type BoundarySpec, type FuzzModel, type ModelBlock } from './process-model.js';
export { commandOf, fuzzSteps, type Commandless, type FuzzStep, type StepContext } from './command-steps.js';
export { duplicateActivations, tokenTreeProblems } from './token-invariants.js';
export { mutatedXml, mutateXml, xmlMutation, type XmlMutation } from './xml-mutation.js';
export { expressionText, feelText } from './feel-expression.js';
