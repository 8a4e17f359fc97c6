/**
 * Destination masking as Cognito answers in CodeDeliveryDetails: `j***@e***` for jane@example.com (no TLD,
 * as real Cognito answered in 2026) and `+*******1234` for +15555551234.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return `${[...email][0] ?? ""}***`;
  const local = [...email.slice(0, at)];
  const domain = [...email.slice(at + 1)];
  return `${local[0]}***@${domain[0] ?? ""}***`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+/, "");
  const keep = digits.slice(-4);
  return `+${"*".repeat(Math.max(0, digits.length - 4))}${keep}`;
}

export const maskDestination = (medium: "EMAIL" | "SMS", to: string) => (medium === "EMAIL" ? maskEmail(to) : maskPhone(to));
