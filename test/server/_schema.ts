/**
 * A small checker for the JSON Schema subset our OpenAPI document uses ($ref, type or a list of types, properties,
 * required, items, enum, allOf, oneOf, additionalProperties, minimum/maximum, minItems/maxItems):
 * enough to hold every answer of the API to what the document says. An object's properties,
 * when listed, are all of them: a field the document does not name is an error.
 */
type Schema = Record<string, unknown>;

export function check(schema: Schema, value: unknown, doc: { components: { schemas: Record<string, Schema> } }, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) return [`${at}: unknown $ref ${schema.$ref}`];
    return check(target, value, doc, at);
  }
  const errors: string[] = [];
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) errors.push(...check(s as Schema, value, doc, at));
  if (Array.isArray(schema.oneOf)) {
    const ok = schema.oneOf.filter((s) => check(s as Schema, value, doc, at).length === 0).length;
    if (ok !== 1) errors.push(`${at}: matches ${ok} of the oneOf schemas, not exactly 1`);
  }
  // OpenAPI 3.1 (JSON Schema) allows a list of types: `['number', 'null']`
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);
  if (types !== undefined && !types.some((t) => typeOk(t, value))) return [...errors, `${at}: expected ${schema.type}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: ${value} > ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...check(schema.items as Schema, v, doc, `${at}[${i}]`)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const rec = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? []) if (!(k in rec)) errors.push(`${at}: missing ${k}`);
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(rec)) {
      if (props[k]) errors.push(...check(props[k], v, doc, `${at}.${k}`));
      else if (typeof schema.additionalProperties === 'object') errors.push(...check(schema.additionalProperties as Schema, v, doc, `${at}.${k}`));
      // an object schema that lists its properties lists them all: an answer may not carry more
      else if (schema.properties) errors.push(`${at}.${k}: not in the document`);
    }
  }
  return errors;
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    default: return false;
  }
}
