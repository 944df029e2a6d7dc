/**
 * The slice of the DMN 1.3 meta-model Baton reads, as a moddle package (the format
 * of dmn-moddle's `dmn.json`, written here because dmn-moddle is not installed).
 * bpmn-moddle reads it with `fromXML(xml, 'dmn:Definitions')`; anything else in a
 * file (DMNDI, annotations, knowledge sources) is skipped with a read warning.
 */
const attr = (name: string, type = 'String'): Record<string, unknown> => ({ name, type, isAttr: true });
const many = (name: string, type: string): Record<string, unknown> => ({ name, type, isMany: true });

export const DMN_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

export const dmnDescriptor = {
  name: 'DMN',
  uri: DMN_NS,
  prefix: 'dmn',
  xml: { tagAlias: 'lowerCase' },
  types: [
    { name: 'DMNElement', isAbstract: true, properties: [{ name: 'id', type: 'String', isAttr: true, isId: true }, attr('label'), { name: 'description', type: 'String' }] },
    { name: 'NamedElement', isAbstract: true, superClass: ['DMNElement'], properties: [attr('name')] },
    { name: 'Definitions', superClass: ['NamedElement'], properties: [attr('namespace'), many('drgElement', 'DRGElement')] },
    { name: 'DRGElement', isAbstract: true, superClass: ['NamedElement'], properties: [] },
    {
      name: 'Decision',
      superClass: ['DRGElement'],
      properties: [many('informationRequirement', 'InformationRequirement'), { name: 'decisionLogic', type: 'Expression' }, { name: 'variable', type: 'InformationItem' }],
    },
    { name: 'InputData', superClass: ['DRGElement'], properties: [{ name: 'variable', type: 'InformationItem' }] },
    { name: 'InformationItem', superClass: ['NamedElement'], properties: [attr('typeRef')] },
    { name: 'InformationRequirement', superClass: ['DMNElement'], properties: [{ name: 'requiredDecision', type: 'DMNElementReference' }, { name: 'requiredInput', type: 'DMNElementReference' }] },
    { name: 'DMNElementReference', properties: [attr('href')] },
    { name: 'Expression', isAbstract: true, superClass: ['DMNElement'], properties: [attr('typeRef')] },
    { name: 'LiteralExpression', superClass: ['Expression'], properties: [attr('expressionLanguage'), { name: 'text', type: 'String' }] },
    { name: 'UnaryTests', superClass: ['DMNElement'], properties: [attr('expressionLanguage'), { name: 'text', type: 'String' }] },
    {
      name: 'DecisionTable',
      superClass: ['Expression'],
      properties: [
        many('input', 'InputClause'),
        many('output', 'OutputClause'),
        many('rule', 'DecisionRule'),
        attr('hitPolicy'),
        attr('aggregation'),
        attr('preferredOrientation'),
        attr('outputLabel'),
      ],
    },
    { name: 'InputClause', superClass: ['DMNElement'], properties: [{ name: 'inputExpression', type: 'LiteralExpression' }, { name: 'inputValues', type: 'UnaryTests' }] },
    {
      name: 'OutputClause',
      superClass: ['DMNElement'],
      properties: [attr('name'), attr('typeRef'), { name: 'outputValues', type: 'UnaryTests' }, { name: 'defaultOutputEntry', type: 'LiteralExpression' }],
    },
    { name: 'DecisionRule', superClass: ['DMNElement'], properties: [many('inputEntry', 'UnaryTests'), many('outputEntry', 'LiteralExpression')] },
  ],
};
