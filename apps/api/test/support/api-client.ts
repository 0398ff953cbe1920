import request from 'supertest';
import type { Stack } from './stack';

export interface UserClient {
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
}

/** HTTP calls as one demo user (signed in once), against the running stack. */
export async function as(stack: Pick<Stack, 'url' | 'token'>, username: string): Promise<UserClient> {
  const bearer = `Bearer ${await stack.token(username)}`;
  return {
    get: (path) => request(stack.url).get(path).set('authorization', bearer),
    post: (path, body = {}, headers = {}) => {
      let r = request(stack.url).post(path).set('authorization', bearer);
      for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
      return r.send(body);
    },
  };
}
