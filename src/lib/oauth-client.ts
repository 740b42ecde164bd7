/**
 * The parts of oauth4webapi that sign-in uses, as one module that `auth.ts` loads on demand (a
 * dynamic import of the package itself would bring all of it).
 */
export {
  allowInsecureRequests,
  authorizationCodeGrantRequest,
  AuthorizationResponseError,
  calculatePKCECodeChallenge,
  customFetch,
  generateRandomCodeVerifier,
  generateRandomState,
  None,
  processAuthorizationCodeResponse,
  ResponseBodyError,
  validateAuthResponse,
} from 'oauth4webapi';
