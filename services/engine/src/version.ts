/** This node's software version, reported by /v2/topology and the OpenAPI document. */
export const version = '0.1.0';
