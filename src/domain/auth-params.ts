/** AuthParameters and ChallengeResponses: a member the flow needs, or Cognito's InvalidParameterException naming it. */
import { InvalidParameterException } from "../generated/cognito-idp.js";

export const required = (params: Record<string, string>, name: string): string => {
  const v = params[name];
  if (v === undefined) throw new InvalidParameterException(`Missing required parameter ${name}`);
  return v;
};
