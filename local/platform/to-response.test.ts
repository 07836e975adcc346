import { toResponse } from './to-response';

describe('toResponse', () => {
  it('serialises a JSON body with its status and a JSON content type', async () => {
    const res = toResponse({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' },
    });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
  });

  it('keeps JSON scalars that are falsy (false, 0, empty string) as bodies', async () => {
    expect(await toResponse({ status: 200, body: false }).text()).toBe('false');
    expect(await toResponse({ status: 200, body: 0 }).json()).toBe(0);
    expect(await toResponse({ status: 200, body: '' }).json()).toBe('');
  });

  it('answers 204, or no body at all, with an empty body', async () => {
    const noContent = toResponse({ status: 204 });
    expect(noContent.ok).toBe(true);
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe('');
    // A 204 must not carry a body even if a service put one there.
    expect(await toResponse({ status: 204, body: { ignored: true } }).text()).toBe('');
    expect(await toResponse({ status: 200 }).text()).toBe('');
  });

  it('copies headers and lets an explicit content type through with a string body', async () => {
    const res = toResponse({
      status: 429,
      headers: { 'Retry-After': '5', 'x-trace-id': 'abc' },
      body: { errorMessages: ['Rate limit exceeded.'] },
    });
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('x-trace-id')).toBe('abc');
    const html = toResponse({ status: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' });
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toBe('<p>hi</p>');
  });
});
