/**
 * What the server tells the sign-in page (rendered into a JSON script tag by
 * src/security/login-page.ts, read by main.ts). Shared so both sides agree on the shape.
 */
export interface LoginPageConfig {
  adminPath: string;
  cookieName: string;
  cookiePath: string;
  cookieDomain: string | null;
  minLength: number;
  historySize: number;
  maxAgeDays: number;
  issuer: string;
}

/** The JSON body of an admin authentication answer (README, "JSON contract"). */
export interface GateAnswerBody {
  data?: GateData;
  error?: { message?: string; details?: { code?: string; errors?: Array<{ message: string }> } };
}

export interface GateData {
  mfaRequired?: boolean;
  enrollmentRequired?: boolean;
  passwordChangeRequired?: boolean;
  challengeToken?: string;
  recoveryCodes?: string[];
  recoveryCodesRemaining?: number;
  passwordExpiryWarning?: string | null;
  token?: string;
}

export interface GateAnswer {
  ok: boolean;
  status: number;
  json: GateAnswerBody;
}
