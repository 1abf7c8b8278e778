// The hey-api check refuses a client whose schema names met the generator's per-operation names:
// the generator then suffixes one of them with digits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suffixedNames } from '../../scripts/clients/typescript.ts';

describe('suffixed names in a hey-api client', () => {
  it('finds a name that is another exported name plus digits', () => {
    const types = ['export type UserLoginResponses = { 200: UserLoginResponse2 };', 'export type UserLoginResponse = UserLoginResponses[keyof UserLoginResponses];', 'export type UserLoginResponse2 = { RetCode: string };'].join('\n');
    assert.deepEqual(suffixedNames(types), ['UserLoginResponse2']);
  });

  it('leaves names that merely end in digits', () => {
    assert.deepEqual(suffixedNames('export type Sha256 = string;\nexport type Int32 = number;\nexport type Int = number;'), ['Int32']);
    assert.deepEqual(suffixedNames('export type Sha256 = string;\nexport type Base64 = string;'), []);
  });
});
