// @vitest-environment node
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileMessagesIn } from '../inline-source-messages';

const compile = (code: string) => compileMessagesIn(code, (source) => parseAst(source))?.toString() ?? null;

describe('the English words compiled into the code', () => {
  it("turns each descriptor's message into the compiled form Lingui reads without a parser", () => {
    const out = compile(
      'i18n._({ id: "a1", message: "Delete {name}?", values: { name } });\n' +
        'jsx(Trans, { id: "b2", message: "{count, plural, one {# member} other {# members}}", values: { count } });',
    );
    expect(out).toContain('message: ["Delete ",["name"],"?"]');
    expect(out).toContain('message: [["count","plural",{"one":["#"," member"],"other":["#"," members"]}]]');
  });

  it('leaves objects that are not message descriptors, and code without any, alone', () => {
    expect(compile('const error = { message: "Not a descriptor" };')).toBeNull();
    expect(compile('notify({ id: someId, message: "An id that is not a literal" });')).toBeNull();
    expect(compile('const x = 1;')).toBeNull();
  });
});
