// generated, do not edit: produced by `npx tsx scripts/gen-model.ts` from
// model/cognito-idp-2016-04-18.json (botocore service-2.json, API version 2016-04-18,
// 153 operations, 730 shapes).
//
// Type names renamed to avoid a clash with a TypeScript/JavaScript global or with this module's exports
// (the `shapes` table keeps the model's names):
//   Document -> DocumentShape (a global of the same name)
//
// Regular expressions are AWS's (Java, full match). The validator compiles each as
// new RegExp("^(?:" + source + ")$", "u"); the patterns below are translated so that they compile and
// keep Java's meaning; error messages always quote the model's pattern. Translations:
//   (?s).*
//     -> [\s\S]*
//        inline flag (?s) is not JavaScript: `.` becomes [\s\S]
//   .*\{####\}.*
//     -> [^\n\r\u0085\u2028\u2029]*\{####\}[^\n\r\u0085\u2028\u2029]*
//        `.` also excludes U+0085 in Java: written out as [^\n\r\u0085\u2028\u2029]
//   [\S]+
//     -> [^\t\n\x0B\f\r ]+
//        \S is non-ASCII-whitespace in Java: written out as [^\t\n\x0B\f\r ]
//   [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*
//     -> [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*
//     -> [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*
//     -> [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]*
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\p{L}\p{M}\p{S}\p{N}\p{P}\s*]+
//     -> [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r *]+
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\p{L}\p{M}\p{S}\p{N}\p{P}\s]+
//     -> [\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\x0B\f\r ]+
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\w\s+=,.@-]+
//     -> [\w\t\n\x0B\f\r +=,.@-]+
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   [\w\s+=.@-]+
//     -> [\w\t\n\x0B\f\r +=.@-]+
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
//   ^arn\:(aws|aws-us-gov|aws-eusc)\:secretsmanager\:([\d\w\-]+):(\d{12})\:secret\/[\w+=\/,.@\-]+$
//     -> ^arn:(aws|aws-us-gov|aws-eusc):secretsmanager:([\d\w\-]+):(\d{12}):secret\/[\w+=\/,.@\-]+$
//        \: is an invalid identity escape under the u flag: written as a plain :
//   ^https://[^\s]+$
//     -> ^https://[^\t\n\x0B\f\r ]+$
//        \s is ASCII whitespace in Java: written out as [\t\n\x0B\f\r ]
/* eslint-disable */

export const TARGET_PREFIX = "AWSCognitoIdentityProviderService";
export const API_VERSION = "2016-04-18";

export interface ShapeDef {
  type: "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "timestamp" | "blob";
  members?: Record<string, string>;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  /** A list or map whose elements may be null (Smithy's @sparse). */
  sparse?: boolean;
  member?: string;
  key?: string;
  value?: string;
  document?: boolean;
}

/** Every shape of the model, by the model's name (members map member name -> shape name). */
export const shapes: Record<string, ShapeDef> = {
  AWSAccountIdType: { type: "string", max: 12, pattern: "[0-9]+" },
  AccessDeniedException: { type: "structure", members: { message: "MessageType" } },
  AccessTokenValidityType: { type: "integer", min: 1, max: 86400 },
  AccountRecoverySettingType: { type: "structure", members: { RecoveryMechanisms: "RecoveryMechanismsType" } },
  AccountTakeoverActionNotifyType: { type: "boolean" },
  AccountTakeoverActionType: { type: "structure", members: { Notify: "AccountTakeoverActionNotifyType", EventAction: "AccountTakeoverEventActionType" }, required: ["Notify", "EventAction"] },
  AccountTakeoverActionsType: { type: "structure", members: { LowAction: "AccountTakeoverActionType", MediumAction: "AccountTakeoverActionType", HighAction: "AccountTakeoverActionType" } },
  AccountTakeoverEventActionType: { type: "string", enum: ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] },
  AccountTakeoverRiskConfigurationType: { type: "structure", members: { NotifyConfiguration: "NotifyConfigurationType", Actions: "AccountTakeoverActionsType" }, required: ["Actions"] },
  AcrConfigurationType: { type: "map", min: 0, max: 4, key: "AcrLevelKeyType", value: "AcrLevelConfigType" },
  AcrLevelConfigType: { type: "structure", members: { AcrValue: "AcrValueType" }, required: ["AcrValue"] },
  AcrLevelKeyType: { type: "string", pattern: "Level[1-4]" },
  AcrMappingKeyType: { type: "string", pattern: "Level[1-4]" },
  AcrMappingType: { type: "map", min: 0, max: 4, key: "AcrMappingKeyType", value: "AcrValueType" },
  AcrValueType: { type: "string", min: 1, max: 64, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" },
  AddCustomAttributesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CustomAttributes: "CustomAttributesListType" }, required: ["UserPoolId", "CustomAttributes"] },
  AddCustomAttributesResponse: { type: "structure", members: {  } },
  AddUserPoolClientSecretRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ClientSecret: "ClientSecretType" }, required: ["UserPoolId", "ClientId"] },
  AddUserPoolClientSecretResponse: { type: "structure", members: { ClientSecretDescriptor: "ClientSecretDescriptorType" } },
  AdminAddUserToGroupRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", GroupName: "GroupNameType" }, required: ["UserPoolId", "Username", "GroupName"] },
  AdminConfirmSignUpRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", ClientMetadata: "ClientMetadataType" }, required: ["UserPoolId", "Username"] },
  AdminConfirmSignUpResponse: { type: "structure", members: {  } },
  AdminCreateUserConfigType: { type: "structure", members: { AllowAdminCreateUserOnly: "BooleanType", UnusedAccountValidityDays: "AdminCreateUserUnusedAccountValidityDaysType", InviteMessageTemplate: "MessageTemplateType" } },
  AdminCreateUserRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", UserAttributes: "AttributeListType", ValidationData: "AttributeListType", TemporaryPassword: "PasswordType", ForceAliasCreation: "ForceAliasCreation", MessageAction: "MessageActionType", DesiredDeliveryMediums: "DeliveryMediumListType", ClientMetadata: "ClientMetadataType" }, required: ["UserPoolId", "Username"] },
  AdminCreateUserResponse: { type: "structure", members: { User: "UserType" } },
  AdminCreateUserUnusedAccountValidityDaysType: { type: "integer", min: 0, max: 365 },
  AdminDeleteSoftwareTokenRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminDeleteSoftwareTokenResponse: { type: "structure", members: {  } },
  AdminDeleteUserAttributesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", UserAttributeNames: "AttributeNameListType" }, required: ["UserPoolId", "Username", "UserAttributeNames"] },
  AdminDeleteUserAttributesResponse: { type: "structure", members: {  } },
  AdminDeleteUserRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminDisableProviderForUserRequest: { type: "structure", members: { UserPoolId: "StringType", User: "ProviderUserIdentifierType" }, required: ["UserPoolId", "User"] },
  AdminDisableProviderForUserResponse: { type: "structure", members: {  } },
  AdminDisableUserRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminDisableUserResponse: { type: "structure", members: {  } },
  AdminEnableUserRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminEnableUserResponse: { type: "structure", members: {  } },
  AdminForgetDeviceRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", DeviceKey: "DeviceKeyType" }, required: ["UserPoolId", "Username", "DeviceKey"] },
  AdminGetDeviceRequest: { type: "structure", members: { DeviceKey: "DeviceKeyType", UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["DeviceKey", "UserPoolId", "Username"] },
  AdminGetDeviceResponse: { type: "structure", members: { Device: "DeviceType" }, required: ["Device"] },
  AdminGetUserAuthFactorsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminGetUserAuthFactorsResponse: { type: "structure", members: { Username: "UsernameType", PreferredMfaSetting: "StringType", UserMFASettingList: "UserMFASettingListType", ConfiguredUserAuthFactors: "ConfiguredUserAuthFactorsListType" }, required: ["Username"] },
  AdminGetUserRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminGetUserResponse: { type: "structure", members: { Username: "UsernameType", UserAttributes: "AttributeListType", UserCreateDate: "DateType", UserLastModifiedDate: "DateType", Enabled: "BooleanType", UserStatus: "UserStatusType", MFAOptions: "MFAOptionListType", PreferredMfaSetting: "StringType", UserMFASettingList: "UserMFASettingListType" }, required: ["Username"] },
  AdminInitiateAuthRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", AuthFlow: "AuthFlowType", AuthParameters: "AuthParametersType", ClientMetadata: "ClientMetadataType", AnalyticsMetadata: "AnalyticsMetadataType", ContextData: "ContextDataType", Session: "SessionType" }, required: ["UserPoolId", "ClientId", "AuthFlow"] },
  AdminInitiateAuthResponse: { type: "structure", members: { ChallengeName: "ChallengeNameType", Session: "SessionType", ChallengeParameters: "ChallengeParametersType", AuthenticationResult: "AuthenticationResultType", AvailableChallenges: "AvailableChallengeListType" } },
  AdminLinkProviderForUserRequest: { type: "structure", members: { UserPoolId: "StringType", DestinationUser: "ProviderUserIdentifierType", SourceUser: "ProviderUserIdentifierType" }, required: ["UserPoolId", "DestinationUser", "SourceUser"] },
  AdminLinkProviderForUserResponse: { type: "structure", members: {  } },
  AdminListDevicesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", Limit: "QueryLimitType", PaginationToken: "SearchPaginationTokenType" }, required: ["UserPoolId", "Username"] },
  AdminListDevicesResponse: { type: "structure", members: { Devices: "DeviceListType", PaginationToken: "SearchPaginationTokenType" } },
  AdminListGroupsForUserRequest: { type: "structure", members: { Username: "UsernameType", UserPoolId: "UserPoolIdType", Limit: "QueryLimitType", NextToken: "PaginationKey" }, required: ["Username", "UserPoolId"] },
  AdminListGroupsForUserResponse: { type: "structure", members: { Groups: "GroupListType", NextToken: "PaginationKey" } },
  AdminListUserAuthEventsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", MaxResults: "QueryLimitType", NextToken: "PaginationKey" }, required: ["UserPoolId", "Username"] },
  AdminListUserAuthEventsResponse: { type: "structure", members: { AuthEvents: "AuthEventsType", NextToken: "PaginationKey" } },
  AdminListUserSessionsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", NextToken: "PaginationKey" }, required: ["UserPoolId", "Username"] },
  AdminListUserSessionsResponse: { type: "structure", members: { Sessions: "SessionsListType", NextToken: "PaginationKey" } },
  AdminRemoveUserFromGroupRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", GroupName: "GroupNameType" }, required: ["UserPoolId", "Username", "GroupName"] },
  AdminResetUserPasswordRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", ClientMetadata: "ClientMetadataType" }, required: ["UserPoolId", "Username"] },
  AdminResetUserPasswordResponse: { type: "structure", members: {  } },
  AdminRespondToAuthChallengeRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ChallengeName: "ChallengeNameType", ChallengeResponses: "ChallengeResponsesType", Session: "SessionType", AnalyticsMetadata: "AnalyticsMetadataType", ContextData: "ContextDataType", ClientMetadata: "ClientMetadataType" }, required: ["UserPoolId", "ClientId", "ChallengeName"] },
  AdminRespondToAuthChallengeResponse: { type: "structure", members: { ChallengeName: "ChallengeNameType", Session: "SessionType", ChallengeParameters: "ChallengeParametersType", AuthenticationResult: "AuthenticationResultType", AvailableChallenges: "AvailableChallengeListType" } },
  AdminRevokeUserSessionRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", SessionId: "SessionIdType", RevokeAssociatedSessions: "RevokeAssociatedSessionsType" }, required: ["UserPoolId", "Username", "SessionId"] },
  AdminRevokeUserSessionResponse: { type: "structure", members: {  } },
  AdminSetUserMFAPreferenceRequest: { type: "structure", members: { SMSMfaSettings: "SMSMfaSettingsType", SoftwareTokenMfaSettings: "SoftwareTokenMfaSettingsType", EmailMfaSettings: "EmailMfaSettingsType", WebAuthnMfaSettings: "WebAuthnMfaSettingsType", Username: "UsernameType", UserPoolId: "UserPoolIdType" }, required: ["Username", "UserPoolId"] },
  AdminSetUserMFAPreferenceResponse: { type: "structure", members: {  } },
  AdminSetUserPasswordRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", Password: "PasswordType", Permanent: "BooleanType" }, required: ["UserPoolId", "Username", "Password"] },
  AdminSetUserPasswordResponse: { type: "structure", members: {  } },
  AdminSetUserSettingsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", MFAOptions: "MFAOptionListType" }, required: ["UserPoolId", "Username", "MFAOptions"] },
  AdminSetUserSettingsResponse: { type: "structure", members: {  } },
  AdminUpdateAuthEventFeedbackRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", EventId: "EventIdType", FeedbackValue: "FeedbackValueType" }, required: ["UserPoolId", "Username", "EventId", "FeedbackValue"] },
  AdminUpdateAuthEventFeedbackResponse: { type: "structure", members: {  } },
  AdminUpdateDeviceStatusRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", DeviceKey: "DeviceKeyType", DeviceRememberedStatus: "DeviceRememberedStatusType" }, required: ["UserPoolId", "Username", "DeviceKey"] },
  AdminUpdateDeviceStatusResponse: { type: "structure", members: {  } },
  AdminUpdateUserAttributesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", UserAttributes: "AttributeListType", ClientMetadata: "ClientMetadataType" }, required: ["UserPoolId", "Username", "UserAttributes"] },
  AdminUpdateUserAttributesResponse: { type: "structure", members: {  } },
  AdminUserGlobalSignOutRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType" }, required: ["UserPoolId", "Username"] },
  AdminUserGlobalSignOutResponse: { type: "structure", members: {  } },
  AdvancedSecurityAdditionalFlowsType: { type: "structure", members: { CustomAuthMode: "AdvancedSecurityEnabledModeType" } },
  AdvancedSecurityEnabledModeType: { type: "string", enum: ["AUDIT", "ENFORCED"] },
  AdvancedSecurityModeType: { type: "string", enum: ["OFF", "AUDIT", "ENFORCED"] },
  AliasAttributeType: { type: "string", enum: ["phone_number", "email", "preferred_username"] },
  AliasAttributesListType: { type: "list", member: "AliasAttributeType" },
  AliasExistsException: { type: "structure", members: { message: "MessageType" } },
  AllowedFirstAuthFactorsListType: { type: "list", min: 1, max: 5, member: "AuthFactorType" },
  AnalyticsConfigurationType: { type: "structure", members: { ApplicationId: "HexStringType", ApplicationArn: "ArnType", RoleArn: "ArnType", ExternalId: "StringType", UserDataShared: "BooleanType" } },
  AnalyticsMetadataType: { type: "structure", members: { AnalyticsEndpointId: "StringType" } },
  ArnType: { type: "string", min: 20, max: 2048, pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?" },
  AssetBytesType: { type: "blob", max: 1000000 },
  AssetCategoryType: { type: "string", enum: ["FAVICON_ICO", "FAVICON_SVG", "EMAIL_GRAPHIC", "SMS_GRAPHIC", "AUTH_APP_GRAPHIC", "PASSWORD_GRAPHIC", "PASSKEY_GRAPHIC", "PAGE_HEADER_LOGO", "PAGE_HEADER_BACKGROUND", "PAGE_FOOTER_LOGO", "PAGE_FOOTER_BACKGROUND", "PAGE_BACKGROUND", "FORM_BACKGROUND", "FORM_LOGO", "IDP_BUTTON_ICON"] },
  AssetExtensionType: { type: "string", enum: ["ICO", "JPEG", "PNG", "SVG", "WEBP"] },
  AssetListType: { type: "list", min: 0, max: 40, member: "AssetType" },
  AssetType: { type: "structure", members: { Category: "AssetCategoryType", ColorMode: "ColorSchemeModeType", Extension: "AssetExtensionType", Bytes: "AssetBytesType", ResourceId: "ResourceIdType" }, required: ["Category", "ColorMode", "Extension"] },
  AssociateSoftwareTokenRequest: { type: "structure", members: { AccessToken: "TokenModelType", Session: "SessionType" } },
  AssociateSoftwareTokenResponse: { type: "structure", members: { SecretCode: "SecretCodeType", Session: "SessionType" } },
  AttributeDataType: { type: "string", enum: ["String", "Number", "DateTime", "Boolean"] },
  AttributeListType: { type: "list", member: "AttributeType" },
  AttributeMappingKeyType: { type: "string", min: 1, max: 32 },
  AttributeMappingType: { type: "map", key: "AttributeMappingKeyType", value: "StringType" },
  AttributeNameListType: { type: "list", member: "AttributeNameType" },
  AttributeNameType: { type: "string", min: 1, max: 32, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+" },
  AttributeType: { type: "structure", members: { Name: "AttributeNameType", Value: "AttributeValueType" }, required: ["Name"] },
  AttributeValueType: { type: "string", max: 2048, sensitive: true },
  AttributesRequireVerificationBeforeUpdateType: { type: "list", member: "VerifiedAttributeType" },
  AudienceListType: { type: "list", min: 0, max: 1, member: "AudienceType" },
  AudienceType: { type: "string", min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" },
  AuthEventType: { type: "structure", members: { EventId: "StringType", EventType: "EventType", CreationDate: "DateType", EventResponse: "EventResponseType", EventRisk: "EventRiskType", ChallengeResponses: "ChallengeResponseListType", EventContextData: "EventContextDataType", EventFeedback: "EventFeedbackType" } },
  AuthEventsType: { type: "list", member: "AuthEventType" },
  AuthFactorType: { type: "string", enum: ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", "SOFTWARE_TOKEN"] },
  AuthFlowType: { type: "string", enum: ["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH"] },
  AuthParametersType: { type: "map", sensitive: true, key: "StringType", value: "StringType" },
  AuthSessionValidityType: { type: "integer", min: 3, max: 15 },
  AuthenticationResultType: { type: "structure", members: { AccessToken: "TokenModelType", ExpiresIn: "IntegerType", TokenType: "StringType", RefreshToken: "TokenModelType", IdToken: "TokenModelType", NewDeviceMetadata: "NewDeviceMetadataType" } },
  AvailableChallengeListType: { type: "list", member: "ChallengeNameType" },
  BlockedIPRangeListType: { type: "list", max: 200, member: "StringType" },
  BooleanType: { type: "boolean" },
  CIMDCacheActionType: { type: "string", enum: ["REFRESH", "INVALIDATE"] },
  CIMDPolicyIdType: { type: "string", min: 1, max: 64, pattern: "^[a-z0-9]+$" },
  CIMDPolicyNameType: { type: "string", min: 1, max: 32, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+" },
  CIMDPolicySummaryListType: { type: "list", member: "CIMDPolicySummaryType" },
  CIMDPolicySummaryType: { type: "structure", members: { CIMDPolicyId: "CIMDPolicyIdType", ClientId: "ClientIdType", PolicyName: "CIMDPolicyNameType", CacheDuration: "CacheDurationType", CreationDate: "DateType", LastModifiedDate: "DateType" }, required: ["CIMDPolicyId", "PolicyName"] },
  CIMDPolicyType: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType", ClientId: "ClientIdType", PolicyName: "CIMDPolicyNameType", CacheDuration: "CacheDurationType", URLPatterns: "URLPatternListType", CreationDate: "DateType", LastModifiedDate: "DateType" }, required: ["UserPoolId", "CIMDPolicyId", "PolicyName"] },
  CSSType: { type: "string", min: 0, max: 131072 },
  CSSVersionType: { type: "string" },
  CacheDurationType: { type: "integer", min: 86400, max: 31556952 },
  CachedCIMDURLDoesNotExistException: { type: "structure", members: { message: "MessageType" } },
  CallbackURLsListType: { type: "list", min: 0, max: 100, member: "RedirectUrlType" },
  CancelPointInTimeRecoveryRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RestoreId: "RestoreIdType" }, required: ["UserPoolId", "RestoreId"] },
  CancelPointInTimeRecoveryResponse: { type: "structure", members: { Restoration: "RestorationType" } },
  ChallengeName: { type: "string", enum: ["Password", "Mfa"] },
  ChallengeNameType: { type: "string", enum: ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "SELECT_CHALLENGE", "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH", "NEW_PASSWORD_REQUIRED", "SMS_OTP", "PASSWORD", "WEB_AUTHN", "PASSWORD_SRP"] },
  ChallengeParametersType: { type: "map", key: "StringType", value: "StringType" },
  ChallengeResponse: { type: "string", enum: ["Success", "Failure"] },
  ChallengeResponseListType: { type: "list", member: "ChallengeResponseType" },
  ChallengeResponseType: { type: "structure", members: { ChallengeName: "ChallengeName", ChallengeResponse: "ChallengeResponse" } },
  ChallengeResponsesType: { type: "map", sensitive: true, key: "StringType", value: "StringType" },
  ChangePasswordRequest: { type: "structure", members: { PreviousPassword: "PasswordType", ProposedPassword: "PasswordType", AccessToken: "TokenModelType" }, required: ["ProposedPassword", "AccessToken"] },
  ChangePasswordResponse: { type: "structure", members: {  } },
  ClientAuthenticationResultType: { type: "structure", members: { AccessToken: "TokenModelType", ExpiresIn: "IntegerType", TokenType: "StringType" } },
  ClientIdType: { type: "string", min: 1, max: 128, pattern: "[\\w+]+", sensitive: true },
  ClientMetadataType: { type: "map", key: "StringType", value: "StringType" },
  ClientMetadataURLListType: { type: "list", min: 0, max: 60, member: "ClientMetadataURLType" },
  ClientMetadataURLType: { type: "structure", members: { URL: "MetadataURLType", CachedDate: "DateType", ExpirationDate: "DateType" }, required: ["URL"] },
  ClientNameType: { type: "string", min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" },
  ClientPermissionListType: { type: "list", member: "ClientPermissionType" },
  ClientPermissionType: { type: "string", min: 1, max: 2048 },
  ClientSSOSessionConfigType: { type: "structure", members: { MaxValidityMinutes: "SSOSessionMaxValidityMinutesType" }, required: ["MaxValidityMinutes"] },
  ClientSecretArnType: { type: "string", min: 20, max: 2048, pattern: "^arn\\:(aws|aws-us-gov|aws-eusc)\\:secretsmanager\\:([\\d\\w\\-]+):(\\d{12})\\:secret\\/[\\w+=\\/,.@\\-]+$" },
  ClientSecretDescriptorListType: { type: "list", member: "ClientSecretDescriptorType" },
  ClientSecretDescriptorType: { type: "structure", members: { ClientSecretId: "ClientSecretIdType", ClientSecretValue: "ClientSecretType", ClientSecretCreateDate: "DateType" } },
  ClientSecretIdType: { type: "string", min: 1, max: 128 },
  ClientSecretType: { type: "string", min: 24, max: 64, pattern: "[\\w+]+", sensitive: true },
  ClientTypeType: { type: "string", enum: ["REGULAR", "DCR"] },
  CloudWatchLogsConfigurationType: { type: "structure", members: { LogGroupArn: "ArnType" } },
  CodeDeliveryDetailsListType: { type: "list", member: "CodeDeliveryDetailsType" },
  CodeDeliveryDetailsType: { type: "structure", members: { Destination: "StringType", DeliveryMedium: "DeliveryMediumType", AttributeName: "AttributeNameType" } },
  CodeDeliveryFailureException: { type: "structure", members: { message: "MessageType" } },
  CodeMismatchException: { type: "structure", members: { message: "MessageType" } },
  ColorSchemeModeType: { type: "string", enum: ["LIGHT", "DARK", "DYNAMIC"] },
  CompleteWebAuthnRegistrationRequest: { type: "structure", members: { AccessToken: "TokenModelType", Credential: "Document" }, required: ["AccessToken", "Credential"] },
  CompleteWebAuthnRegistrationResponse: { type: "structure", members: {  } },
  CompletionMessageType: { type: "string", min: 1, max: 128, pattern: "[\\w]+" },
  CompromisedCredentialsActionsType: { type: "structure", members: { EventAction: "CompromisedCredentialsEventActionType" }, required: ["EventAction"] },
  CompromisedCredentialsEventActionType: { type: "string", enum: ["BLOCK", "NO_ACTION"] },
  CompromisedCredentialsRiskConfigurationType: { type: "structure", members: { EventFilter: "EventFiltersType", Actions: "CompromisedCredentialsActionsType" }, required: ["Actions"] },
  ConcurrentModificationException: { type: "structure", members: { message: "MessageType" } },
  ConfiguredUserAuthFactorsListType: { type: "list", min: 0, max: 8, member: "AuthFactorType" },
  ConfirmDeviceRequest: { type: "structure", members: { AccessToken: "TokenModelType", DeviceKey: "DeviceKeyType", DeviceSecretVerifierConfig: "DeviceSecretVerifierConfigType", DeviceName: "DeviceNameType" }, required: ["AccessToken", "DeviceKey"] },
  ConfirmDeviceResponse: { type: "structure", members: { UserConfirmationNecessary: "BooleanType" } },
  ConfirmForgotPasswordRequest: { type: "structure", members: { ClientId: "ClientIdType", SecretHash: "SecretHashType", Username: "UsernameType", ConfirmationCode: "ConfirmationCodeType", Password: "PasswordType", AnalyticsMetadata: "AnalyticsMetadataType", UserContextData: "UserContextDataType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "Username", "ConfirmationCode", "Password"] },
  ConfirmForgotPasswordResponse: { type: "structure", members: {  } },
  ConfirmSignUpRequest: { type: "structure", members: { ClientId: "ClientIdType", SecretHash: "SecretHashType", Username: "UsernameType", ConfirmationCode: "ConfirmationCodeType", ForceAliasCreation: "ForceAliasCreation", AnalyticsMetadata: "AnalyticsMetadataType", UserContextData: "UserContextDataType", ClientMetadata: "ClientMetadataType", Session: "SessionType" }, required: ["ClientId", "Username", "ConfirmationCode"] },
  ConfirmSignUpResponse: { type: "structure", members: { Session: "SessionType" } },
  ConfirmationCodeType: { type: "string", min: 1, max: 2048, pattern: "[\\S]+" },
  ContextDataType: { type: "structure", members: { IpAddress: "StringType", ServerName: "StringType", ServerPath: "StringType", HttpHeaders: "HttpHeaderList", EncodedData: "StringType" }, required: ["IpAddress", "ServerName", "ServerPath", "HttpHeaders"] },
  CreateCIMDPolicyRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", PolicyName: "CIMDPolicyNameType", CacheDuration: "CacheDurationType", URLPatterns: "URLPatternListType" }, required: ["UserPoolId", "ClientId", "PolicyName", "URLPatterns"] },
  CreateCIMDPolicyResponse: { type: "structure", members: { CIMDPolicy: "CIMDPolicyType" }, required: ["CIMDPolicy"] },
  CreateGroupRequest: { type: "structure", members: { GroupName: "GroupNameType", UserPoolId: "UserPoolIdType", Description: "DescriptionType", RoleArn: "ArnType", Precedence: "PrecedenceType" }, required: ["GroupName", "UserPoolId"] },
  CreateGroupResponse: { type: "structure", members: { Group: "GroupType" } },
  CreateIdentityProviderRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ProviderName: "ProviderNameTypeV2", ProviderType: "IdentityProviderTypeType", ProviderDetails: "ProviderDetailsType", AttributeMapping: "AttributeMappingType", IdpIdentifiers: "IdpIdentifiersListType", AcrMapping: "AcrMappingType" }, required: ["UserPoolId", "ProviderName", "ProviderType", "ProviderDetails"] },
  CreateIdentityProviderResponse: { type: "structure", members: { IdentityProvider: "IdentityProviderType" }, required: ["IdentityProvider"] },
  CreateManagedLoginBrandingRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", UseCognitoProvidedValues: "BooleanType", Settings: "Document", Assets: "AssetListType" }, required: ["UserPoolId", "ClientId"] },
  CreateManagedLoginBrandingResponse: { type: "structure", members: { ManagedLoginBranding: "ManagedLoginBrandingType" } },
  CreateResourceServerRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Identifier: "ResourceServerIdentifierType", Name: "ResourceServerNameType", Scopes: "ResourceServerScopeListType" }, required: ["UserPoolId", "Identifier", "Name"] },
  CreateResourceServerResponse: { type: "structure", members: { ResourceServer: "ResourceServerType" }, required: ["ResourceServer"] },
  CreateTermsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", TermsName: "TermsNameType", TermsSource: "TermsSourceType", Enforcement: "TermsEnforcementType", Links: "LinksType" }, required: ["UserPoolId", "ClientId", "TermsName", "TermsSource", "Enforcement"] },
  CreateTermsResponse: { type: "structure", members: { Terms: "TermsType" } },
  CreateUserImportJobRequest: { type: "structure", members: { JobName: "UserImportJobNameType", UserPoolId: "UserPoolIdType", CloudWatchLogsRoleArn: "ArnType", PasswordHashingAlgorithm: "PasswordHashingAlgorithmType" }, required: ["JobName", "UserPoolId", "CloudWatchLogsRoleArn"] },
  CreateUserImportJobResponse: { type: "structure", members: { UserImportJob: "UserImportJobType" } },
  CreateUserPoolClientRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientName: "ClientNameType", GenerateSecret: "GenerateSecret", ClientSecret: "ClientSecretType", RefreshTokenValidity: "RefreshTokenValidityType", AccessTokenValidity: "AccessTokenValidityType", IdTokenValidity: "IdTokenValidityType", TokenValidityUnits: "TokenValidityUnitsType", ReadAttributes: "ClientPermissionListType", WriteAttributes: "ClientPermissionListType", ExplicitAuthFlows: "ExplicitAuthFlowsListType", SupportedIdentityProviders: "SupportedIdentityProvidersListType", CallbackURLs: "CallbackURLsListType", LogoutURLs: "LogoutURLsListType", DefaultRedirectURI: "RedirectUrlType", AllowedOAuthFlows: "OAuthFlowsType", AllowedOAuthScopes: "ScopeListType", AllowedOAuthFlowsUserPoolClient: "BooleanType", AnalyticsConfiguration: "AnalyticsConfigurationType", PreventUserExistenceErrors: "PreventUserExistenceErrorTypes", EnableTokenRevocation: "WrappedBooleanType", EnablePropagateAdditionalUserContextData: "WrappedBooleanType", AuthSessionValidity: "AuthSessionValidityType", RefreshTokenRotation: "RefreshTokenRotationType", PublishSecretsInAWSSecretsManager: "WrappedBooleanType" }, required: ["UserPoolId", "ClientName"] },
  CreateUserPoolClientResponse: { type: "structure", members: { UserPoolClient: "UserPoolClientType" } },
  CreateUserPoolDomainRequest: { type: "structure", members: { Domain: "DomainType", UserPoolId: "UserPoolIdType", ManagedLoginVersion: "WrappedIntegerType", CustomDomainConfig: "CustomDomainConfigType", Routing: "RoutingType" }, required: ["Domain", "UserPoolId"] },
  CreateUserPoolDomainResponse: { type: "structure", members: { ManagedLoginVersion: "WrappedIntegerType", CloudFrontDomain: "DomainType", Routing: "RoutingType" } },
  CreateUserPoolReplicaRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RegionName: "RegionNameType", UserPoolTags: "UserPoolTagsType" }, required: ["UserPoolId", "RegionName"] },
  CreateUserPoolReplicaResponse: { type: "structure", members: { UserPoolReplica: "UserPoolReplicaType" } },
  CreateUserPoolRequest: { type: "structure", members: { PoolName: "UserPoolNameType", Policies: "UserPoolPolicyType", DeletionProtection: "DeletionProtectionType", LambdaConfig: "LambdaConfigType", AutoVerifiedAttributes: "VerifiedAttributesListType", AliasAttributes: "AliasAttributesListType", UsernameAttributes: "UsernameAttributesListType", SmsVerificationMessage: "SmsVerificationMessageType", EmailVerificationMessage: "EmailVerificationMessageType", EmailVerificationSubject: "EmailVerificationSubjectType", VerificationMessageTemplate: "VerificationMessageTemplateType", SmsAuthenticationMessage: "SmsVerificationMessageType", MfaConfiguration: "UserPoolMfaType", UserAttributeUpdateSettings: "UserAttributeUpdateSettingsType", DeviceConfiguration: "DeviceConfigurationType", EmailConfiguration: "EmailConfigurationType", SmsConfiguration: "SmsConfigurationType", UserPoolTags: "UserPoolTagsType", AdminCreateUserConfig: "AdminCreateUserConfigType", Schema: "SchemaAttributesListType", UserPoolAddOns: "UserPoolAddOnsType", DcrConfiguration: "DcrConfigurationType", UsernameConfiguration: "UsernameConfigurationType", AccountRecoverySetting: "AccountRecoverySettingType", UserPoolTier: "UserPoolTierType", KeyConfiguration: "KeyConfigurationType", IssuerConfiguration: "IssuerConfigurationType", AcrConfiguration: "AcrConfigurationType" }, required: ["PoolName"] },
  CreateUserPoolResponse: { type: "structure", members: { UserPool: "UserPoolType" } },
  CustomAttributeNameType: { type: "string", min: 1, max: 20, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" },
  CustomAttributesListType: { type: "list", min: 1, max: 25, member: "SchemaAttributeType" },
  CustomDomainConfigType: { type: "structure", members: { CertificateArn: "ArnType", SecurityPolicy: "SecurityPolicyType" }, required: ["CertificateArn"] },
  CustomEmailLambdaVersionConfigType: { type: "structure", members: { LambdaVersion: "CustomEmailSenderLambdaVersionType", LambdaArn: "ArnType" }, required: ["LambdaVersion", "LambdaArn"] },
  CustomEmailSenderLambdaVersionType: { type: "string", enum: ["V1_0"] },
  CustomSMSLambdaVersionConfigType: { type: "structure", members: { LambdaVersion: "CustomSMSSenderLambdaVersionType", LambdaArn: "ArnType" }, required: ["LambdaVersion", "LambdaArn"] },
  CustomSMSSenderLambdaVersionType: { type: "string", enum: ["V1_0"] },
  DateType: { type: "timestamp" },
  DcrConfigurationType: { type: "structure", members: { EnableStatus: "StatusType", OpenDcrEnabled: "BooleanType", AuthenticatedGrantTypes: "OAuthFlowsType", OpenDcrGrantTypes: "OAuthFlowsType", AllowedScopes: "ScopeListType" } },
  DefaultEmailOptionType: { type: "string", enum: ["CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"] },
  DeleteCIMDPolicyRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType" }, required: ["UserPoolId", "CIMDPolicyId"] },
  DeleteCIMDPolicyResponse: { type: "structure", members: {  } },
  DeleteGroupRequest: { type: "structure", members: { GroupName: "GroupNameType", UserPoolId: "UserPoolIdType" }, required: ["GroupName", "UserPoolId"] },
  DeleteIdentityProviderRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ProviderName: "ProviderNameType" }, required: ["UserPoolId", "ProviderName"] },
  DeleteManagedLoginBrandingRequest: { type: "structure", members: { ManagedLoginBrandingId: "ManagedLoginBrandingIdType", UserPoolId: "UserPoolIdType" }, required: ["ManagedLoginBrandingId", "UserPoolId"] },
  DeleteResourceServerRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Identifier: "ResourceServerIdentifierType" }, required: ["UserPoolId", "Identifier"] },
  DeleteTermsRequest: { type: "structure", members: { TermsId: "TermsIdType", UserPoolId: "UserPoolIdType" }, required: ["TermsId", "UserPoolId"] },
  DeleteUserAttributesRequest: { type: "structure", members: { UserAttributeNames: "AttributeNameListType", AccessToken: "TokenModelType" }, required: ["UserAttributeNames", "AccessToken"] },
  DeleteUserAttributesResponse: { type: "structure", members: {  } },
  DeleteUserPoolClientRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType" }, required: ["UserPoolId", "ClientId"] },
  DeleteUserPoolClientSecretRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ClientSecretId: "ClientSecretIdType" }, required: ["UserPoolId", "ClientId", "ClientSecretId"] },
  DeleteUserPoolClientSecretResponse: { type: "structure", members: {  } },
  DeleteUserPoolDomainRequest: { type: "structure", members: { Domain: "DomainType", UserPoolId: "UserPoolIdType" }, required: ["Domain", "UserPoolId"] },
  DeleteUserPoolDomainResponse: { type: "structure", members: {  } },
  DeleteUserPoolReplicaRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RegionName: "RegionNameType" }, required: ["UserPoolId", "RegionName"] },
  DeleteUserPoolReplicaResponse: { type: "structure", members: { UserPoolReplica: "UserPoolReplicaType" } },
  DeleteUserPoolRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  DeleteUserRequest: { type: "structure", members: { AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  DeleteWebAuthnCredentialRequest: { type: "structure", members: { AccessToken: "TokenModelType", CredentialId: "StringType" }, required: ["AccessToken", "CredentialId"] },
  DeleteWebAuthnCredentialResponse: { type: "structure", members: {  } },
  DeletionProtectionType: { type: "string", enum: ["ACTIVE", "INACTIVE"] },
  DeliveryMediumListType: { type: "list", member: "DeliveryMediumType" },
  DeliveryMediumType: { type: "string", enum: ["SMS", "EMAIL"] },
  DescribeCIMDPolicyRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType" }, required: ["UserPoolId", "CIMDPolicyId"] },
  DescribeCIMDPolicyResponse: { type: "structure", members: { CIMDPolicy: "CIMDPolicyType" }, required: ["CIMDPolicy"] },
  DescribeIdentityProviderRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ProviderName: "ProviderNameType" }, required: ["UserPoolId", "ProviderName"] },
  DescribeIdentityProviderResponse: { type: "structure", members: { IdentityProvider: "IdentityProviderType" }, required: ["IdentityProvider"] },
  DescribeManagedLoginBrandingByClientRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ReturnMergedResources: "BooleanType" }, required: ["UserPoolId", "ClientId"] },
  DescribeManagedLoginBrandingByClientResponse: { type: "structure", members: { ManagedLoginBranding: "ManagedLoginBrandingType" } },
  DescribeManagedLoginBrandingRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ManagedLoginBrandingId: "ManagedLoginBrandingIdType", ReturnMergedResources: "BooleanType" }, required: ["UserPoolId", "ManagedLoginBrandingId"] },
  DescribeManagedLoginBrandingResponse: { type: "structure", members: { ManagedLoginBranding: "ManagedLoginBrandingType" } },
  DescribePointInTimeRecoveryRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RestoreId: "RestoreIdType" }, required: ["UserPoolId", "RestoreId"] },
  DescribePointInTimeRecoveryResponse: { type: "structure", members: { Restoration: "RestorationType" } },
  DescribeResourceServerRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Identifier: "ResourceServerIdentifierType" }, required: ["UserPoolId", "Identifier"] },
  DescribeResourceServerResponse: { type: "structure", members: { ResourceServer: "ResourceServerType" }, required: ["ResourceServer"] },
  DescribeRiskConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType" }, required: ["UserPoolId"] },
  DescribeRiskConfigurationResponse: { type: "structure", members: { RiskConfiguration: "RiskConfigurationType" }, required: ["RiskConfiguration"] },
  DescribeTermsByClientRequest: { type: "structure", members: { ClientId: "ClientIdType", UserPoolId: "UserPoolIdType", TermsName: "TermsNameType" }, required: ["ClientId", "UserPoolId", "TermsName"] },
  DescribeTermsByClientResponse: { type: "structure", members: { Terms: "TermsType" } },
  DescribeTermsRequest: { type: "structure", members: { TermsId: "TermsIdType", UserPoolId: "UserPoolIdType" }, required: ["TermsId", "UserPoolId"] },
  DescribeTermsResponse: { type: "structure", members: { Terms: "TermsType" } },
  DescribeUserImportJobRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", JobId: "UserImportJobIdType" }, required: ["UserPoolId", "JobId"] },
  DescribeUserImportJobResponse: { type: "structure", members: { UserImportJob: "UserImportJobType" } },
  DescribeUserPoolClientRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType" }, required: ["UserPoolId", "ClientId"] },
  DescribeUserPoolClientResponse: { type: "structure", members: { UserPoolClient: "UserPoolClientType" } },
  DescribeUserPoolDomainRequest: { type: "structure", members: { Domain: "DomainType" }, required: ["Domain"] },
  DescribeUserPoolDomainResponse: { type: "structure", members: { DomainDescription: "DomainDescriptionType" } },
  DescribeUserPoolRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  DescribeUserPoolResponse: { type: "structure", members: { UserPool: "UserPoolType" } },
  DescriptionType: { type: "string", max: 2048 },
  DeviceConfigurationType: { type: "structure", members: { ChallengeRequiredOnNewDevice: "BooleanType", DeviceOnlyRememberedOnUserPrompt: "BooleanType" } },
  DeviceKeyExistsException: { type: "structure", members: { message: "MessageType" } },
  DeviceKeyType: { type: "string", min: 1, max: 55, pattern: "[\\w-]+_[0-9a-f-]+" },
  DeviceListType: { type: "list", member: "DeviceType" },
  DeviceNameType: { type: "string", min: 1, max: 1024 },
  DeviceRememberedStatusType: { type: "string", enum: ["remembered", "not_remembered"] },
  DeviceSecretVerifierConfigType: { type: "structure", members: { PasswordVerifier: "StringType", Salt: "StringType" } },
  DeviceType: { type: "structure", members: { DeviceKey: "DeviceKeyType", DeviceAttributes: "AttributeListType", DeviceCreateDate: "DateType", DeviceLastModifiedDate: "DateType", DeviceLastAuthenticatedDate: "DateType" } },
  Document: { type: "structure", members: {  }, document: true },
  DomainDescriptionType: { type: "structure", members: { UserPoolId: "UserPoolIdType", AWSAccountId: "AWSAccountIdType", Domain: "DomainType", S3Bucket: "S3BucketType", CloudFrontDistribution: "StringType", Version: "DomainVersionType", Status: "DomainStatusType", CustomDomainConfig: "CustomDomainConfigType", ManagedLoginVersion: "WrappedIntegerType", Routing: "RoutingType" } },
  DomainStatusType: { type: "string", enum: ["CREATING", "DELETING", "UPDATING", "ACTIVE", "FAILED"] },
  DomainType: { type: "string", min: 1, max: 253 },
  DomainVersionType: { type: "string", min: 1, max: 20 },
  DuplicateProviderException: { type: "structure", members: { message: "MessageType" } },
  EmailAddressType: { type: "string", pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" },
  EmailConfigurationType: { type: "structure", members: { SourceArn: "ArnType", ReplyToEmailAddress: "EmailAddressType", EmailSendingAccount: "EmailSendingAccountType", From: "StringType", ConfigurationSet: "SESConfigurationSet" } },
  EmailInviteMessageType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*" },
  EmailMfaConfigType: { type: "structure", members: { Message: "EmailMfaMessageType", Subject: "EmailMfaSubjectType" } },
  EmailMfaMessageType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*" },
  EmailMfaSettingsType: { type: "structure", members: { Enabled: "BooleanType", PreferredMfa: "BooleanType" } },
  EmailMfaSubjectType: { type: "string", pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EmailNotificationBodyType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+" },
  EmailNotificationSubjectType: { type: "string", min: 1, max: 140, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EmailSendingAccountType: { type: "string", enum: ["COGNITO_DEFAULT", "DEVELOPER"] },
  EmailVerificationMessageByLinkType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*" },
  EmailVerificationMessageType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*" },
  EmailVerificationSubjectByLinkType: { type: "string", min: 1, max: 140, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EmailVerificationSubjectType: { type: "string", min: 1, max: 140, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EnableSoftwareTokenMFAException: { type: "structure", members: { message: "MessageType" } },
  EncryptionKeyArnType: { type: "string", min: 20, max: 2048, pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?" },
  EncryptionKeyType: { type: "string", enum: ["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KEY"] },
  EumsSmsConfigurationType: { type: "structure", members: { CallerArn: "ArnType", ExternalId: "StringType", OriginationIdentity: "StringType", ConfigurationSetName: "StringType", InEntityId: "StringType", InTemplateId: "StringType", Region: "RegionCodeType" }, required: ["CallerArn"] },
  EventContextDataType: { type: "structure", members: { IpAddress: "StringType", DeviceName: "StringType", Timezone: "StringType", City: "StringType", Country: "StringType" } },
  EventFeedbackType: { type: "structure", members: { FeedbackValue: "FeedbackValueType", Provider: "StringType", FeedbackDate: "DateType" }, required: ["FeedbackValue", "Provider"] },
  EventFilterType: { type: "string", enum: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"] },
  EventFiltersType: { type: "list", member: "EventFilterType" },
  EventIdType: { type: "string", min: 1, max: 50, pattern: "[\\w+-]+" },
  EventResponseType: { type: "string", enum: ["Pass", "Fail", "InProgress"] },
  EventRiskType: { type: "structure", members: { RiskDecision: "RiskDecisionType", RiskLevel: "RiskLevelType", CompromisedCredentialsDetected: "WrappedBooleanType" } },
  EventSourceName: { type: "string", enum: ["userNotification", "userAuthEvents"] },
  EventType: { type: "string", enum: ["SignIn", "SignUp", "ForgotPassword", "PasswordChange", "ResendCode"] },
  ExpiredCodeException: { type: "structure", members: { message: "MessageType" } },
  ExplicitAuthFlowsListType: { type: "list", member: "ExplicitAuthFlowsType" },
  ExplicitAuthFlowsType: { type: "string", enum: ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH", "ALLOW_TOKEN_EXCHANGE_DELEGATION", "ALLOW_TOKEN_EXCHANGE_IMPERSONATION"] },
  FailoverType: { type: "structure", members: { SecondaryRegion: "RegionNameType", PrimaryRoute53HealthCheckId: "HealthCheckIdType" }, required: ["SecondaryRegion", "PrimaryRoute53HealthCheckId"] },
  FeatureType: { type: "string", enum: ["ENABLED", "DISABLED"] },
  FeatureUnavailableInTierException: { type: "structure", members: { message: "MessageType" } },
  FeedbackValueType: { type: "string", enum: ["Valid", "Invalid"] },
  FirehoseConfigurationType: { type: "structure", members: { StreamArn: "ArnType" } },
  ForbiddenException: { type: "structure", members: { message: "MessageType" } },
  ForceAliasCreation: { type: "boolean" },
  ForgetDeviceRequest: { type: "structure", members: { AccessToken: "TokenModelType", DeviceKey: "DeviceKeyType" }, required: ["DeviceKey"] },
  ForgotPasswordRequest: { type: "structure", members: { ClientId: "ClientIdType", SecretHash: "SecretHashType", UserContextData: "UserContextDataType", Username: "UsernameType", AnalyticsMetadata: "AnalyticsMetadataType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "Username"] },
  ForgotPasswordResponse: { type: "structure", members: { CodeDeliveryDetails: "CodeDeliveryDetailsType" } },
  GenerateSecret: { type: "boolean" },
  GetCSVHeaderRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  GetCSVHeaderResponse: { type: "structure", members: { UserPoolId: "UserPoolIdType", CSVHeader: "ListOfStringTypes" } },
  GetClientTokenRequest: { type: "structure", members: { ClientId: "ClientIdType", Secret: "ClientSecretType", Scopes: "ScopeListType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "Secret"] },
  GetClientTokenResponse: { type: "structure", members: { ClientAuthenticationResult: "ClientAuthenticationResultType" } },
  GetDerivedTokenRequest: { type: "structure", members: { ClientId: "ClientIdType", ClientSecret: "ClientSecretType", SubjectToken: "GetDerivedTokenTokenModelType", SubjectTokenType: "TokenTypeIdentifierType", SubjectTokenProviderName: "ProviderNameType", ActorToken: "GetDerivedTokenTokenModelType", ActorTokenType: "TokenTypeIdentifierType", ActorTokenProviderName: "ProviderNameType", Scopes: "ScopeListType", Audiences: "AudienceListType", Resources: "ResourceListType", RequestedTokenType: "IssuedTokenTypeIdentifierType" }, required: ["ClientId", "SubjectToken", "SubjectTokenType"] },
  GetDerivedTokenResponse: { type: "structure", members: { IssuedToken: "TokenModelType", IssuedTokenType: "IssuedTokenTypeIdentifierType", TokenType: "OAuthTokenTypeType", ExpiresIn: "IntegerType", Scopes: "ScopeListType" }, required: ["IssuedToken", "IssuedTokenType", "TokenType"] },
  GetDerivedTokenTokenModelType: { type: "string", min: 0, max: 131072, pattern: "[A-Za-z0-9-_+/=.]+", sensitive: true },
  GetDeviceRequest: { type: "structure", members: { DeviceKey: "DeviceKeyType", AccessToken: "TokenModelType" }, required: ["DeviceKey"] },
  GetDeviceResponse: { type: "structure", members: { Device: "DeviceType" }, required: ["Device"] },
  GetGroupRequest: { type: "structure", members: { GroupName: "GroupNameType", UserPoolId: "UserPoolIdType" }, required: ["GroupName", "UserPoolId"] },
  GetGroupResponse: { type: "structure", members: { Group: "GroupType" } },
  GetIdentityProviderByIdentifierRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", IdpIdentifier: "IdpIdentifierType" }, required: ["UserPoolId", "IdpIdentifier"] },
  GetIdentityProviderByIdentifierResponse: { type: "structure", members: { IdentityProvider: "IdentityProviderType" }, required: ["IdentityProvider"] },
  GetLogDeliveryConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  GetLogDeliveryConfigurationResponse: { type: "structure", members: { LogDeliveryConfiguration: "LogDeliveryConfigurationType" } },
  GetProvisionedLimitRequest: { type: "structure", members: { LimitDefinition: "LimitDefinitionType" }, required: ["LimitDefinition"] },
  GetProvisionedLimitResponse: { type: "structure", members: { Limit: "LimitType" }, required: ["Limit"] },
  GetSigningCertificateRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  GetSigningCertificateResponse: { type: "structure", members: { Certificate: "StringType" } },
  GetTokensFromRefreshTokenRequest: { type: "structure", members: { RefreshToken: "TokenModelType", ClientId: "ClientIdType", ClientSecret: "ClientSecretType", DeviceKey: "DeviceKeyType", ClientMetadata: "ClientMetadataType" }, required: ["RefreshToken", "ClientId"] },
  GetTokensFromRefreshTokenResponse: { type: "structure", members: { AuthenticationResult: "AuthenticationResultType" } },
  GetUICustomizationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType" }, required: ["UserPoolId"] },
  GetUICustomizationResponse: { type: "structure", members: { UICustomization: "UICustomizationType" }, required: ["UICustomization"] },
  GetUserAttributeVerificationCodeRequest: { type: "structure", members: { AccessToken: "TokenModelType", AttributeName: "AttributeNameType", ClientMetadata: "ClientMetadataType" }, required: ["AccessToken", "AttributeName"] },
  GetUserAttributeVerificationCodeResponse: { type: "structure", members: { CodeDeliveryDetails: "CodeDeliveryDetailsType" } },
  GetUserAuthFactorsRequest: { type: "structure", members: { AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  GetUserAuthFactorsResponse: { type: "structure", members: { Username: "UsernameType", PreferredMfaSetting: "StringType", UserMFASettingList: "UserMFASettingListType", ConfiguredUserAuthFactors: "ConfiguredUserAuthFactorsListType" }, required: ["Username"] },
  GetUserPoolClientSessionConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType" }, required: ["UserPoolId", "ClientId"] },
  GetUserPoolClientSessionConfigurationResponse: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", SSOSession: "ClientSSOSessionConfigType" } },
  GetUserPoolMfaConfigRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  GetUserPoolMfaConfigResponse: { type: "structure", members: { SmsMfaConfiguration: "SmsMfaConfigType", SoftwareTokenMfaConfiguration: "SoftwareTokenMfaConfigType", EmailMfaConfiguration: "EmailMfaConfigType", MfaConfiguration: "UserPoolMfaType", WebAuthnConfiguration: "WebAuthnConfigurationType" } },
  GetUserPoolSessionConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType" }, required: ["UserPoolId"] },
  GetUserPoolSessionConfigurationResponse: { type: "structure", members: { UserPoolId: "UserPoolIdType", UserSessionTracking: "UserSessionTrackingType", TokenSession: "UserPoolTokenSessionConfigType" } },
  GetUserRequest: { type: "structure", members: { AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  GetUserResponse: { type: "structure", members: { Username: "UsernameType", UserAttributes: "AttributeListType", MFAOptions: "MFAOptionListType", PreferredMfaSetting: "StringType", UserMFASettingList: "UserMFASettingListType" }, required: ["Username", "UserAttributes"] },
  GlobalSignOutRequest: { type: "structure", members: { AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  GlobalSignOutResponse: { type: "structure", members: {  } },
  GroupExistsException: { type: "structure", members: { message: "MessageType" } },
  GroupListType: { type: "list", member: "GroupType" },
  GroupNameType: { type: "string", min: 1, max: 128, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" },
  GroupType: { type: "structure", members: { GroupName: "GroupNameType", UserPoolId: "UserPoolIdType", Description: "DescriptionType", RoleArn: "ArnType", Precedence: "PrecedenceType", LastModifiedDate: "DateType", CreationDate: "DateType" } },
  HealthCheckIdType: { type: "string", max: 64 },
  HexStringType: { type: "string", pattern: "^[0-9a-fA-F]+$" },
  HttpHeader: { type: "structure", members: { headerName: "StringType", headerValue: "StringType" } },
  HttpHeaderList: { type: "list", member: "HttpHeader" },
  IdTokenValidityType: { type: "integer", min: 1, max: 86400 },
  IdentityProviderType: { type: "structure", members: { UserPoolId: "UserPoolIdType", ProviderName: "ProviderNameType", ProviderType: "IdentityProviderTypeType", ProviderDetails: "ProviderDetailsType", AttributeMapping: "AttributeMappingType", IdpIdentifiers: "IdpIdentifiersListType", AcrMapping: "AcrMappingType", LastModifiedDate: "DateType", CreationDate: "DateType" } },
  IdentityProviderTypeType: { type: "string", enum: ["SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"] },
  IdpIdentifierType: { type: "string", min: 1, max: 40, pattern: "[\\w\\s+=.@-]+" },
  IdpIdentifiersListType: { type: "list", min: 0, max: 50, member: "IdpIdentifierType" },
  ImageFileType: { type: "blob", min: 0, max: 131072 },
  ImageUrlType: { type: "string" },
  InboundFederationLambdaType: { type: "structure", members: { LambdaVersion: "InboundFederationLambdaVersionType", LambdaArn: "ArnType" }, required: ["LambdaVersion", "LambdaArn"] },
  InboundFederationLambdaVersionType: { type: "string", enum: ["V1_0"] },
  InitiateAuthRequest: { type: "structure", members: { AuthFlow: "AuthFlowType", AuthParameters: "AuthParametersType", ClientMetadata: "ClientMetadataType", ClientId: "ClientIdType", AnalyticsMetadata: "AnalyticsMetadataType", UserContextData: "UserContextDataType", Session: "SessionType" }, required: ["AuthFlow", "ClientId"] },
  InitiateAuthResponse: { type: "structure", members: { ChallengeName: "ChallengeNameType", Session: "SessionType", ChallengeParameters: "ChallengeParametersType", AuthenticationResult: "AuthenticationResultType", AvailableChallenges: "AvailableChallengeListType" } },
  InitiatePointInTimeRecoveryRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RestoreTimestamp: "DateType" }, required: ["UserPoolId", "RestoreTimestamp"] },
  InitiatePointInTimeRecoveryResponse: { type: "structure", members: { Restoration: "RestorationType" } },
  IntegerType: { type: "integer" },
  InternalErrorException: { type: "structure", members: { message: "MessageType" } },
  InternalServerException: { type: "structure", members: { message: "MessageType" } },
  InvalidEmailRoleAccessPolicyException: { type: "structure", members: { message: "MessageType" } },
  InvalidLambdaResponseException: { type: "structure", members: { message: "MessageType" } },
  InvalidOAuthFlowException: { type: "structure", members: { message: "MessageType" } },
  InvalidParameterException: { type: "structure", members: { message: "MessageType", reasonCode: "InvalidParameterExceptionReasonCodeType" } },
  InvalidParameterExceptionReasonCodeType: { type: "string" },
  InvalidPasswordException: { type: "structure", members: { message: "MessageType" } },
  InvalidSmsRoleAccessPolicyException: { type: "structure", members: { message: "MessageType" } },
  InvalidSmsRoleTrustRelationshipException: { type: "structure", members: { message: "MessageType" } },
  InvalidUserPoolConfigurationException: { type: "structure", members: { message: "MessageType" } },
  IssuedTokenTypeIdentifierType: { type: "string", enum: ["ACCESS_TOKEN", "ID_TOKEN"] },
  IssuerConfigurationType: { type: "structure", members: { Type: "IssuerType" } },
  IssuerType: { type: "string", enum: ["ORIGINAL", "UPDATED"] },
  KeyConfigurationType: { type: "structure", members: { KeyType: "EncryptionKeyType", KmsKeyArn: "EncryptionKeyArnType" } },
  LambdaConfigType: { type: "structure", members: { PreSignUp: "ArnType", CustomMessage: "ArnType", PostConfirmation: "ArnType", PreAuthentication: "ArnType", PostAuthentication: "ArnType", DefineAuthChallenge: "ArnType", CreateAuthChallenge: "ArnType", VerifyAuthChallengeResponse: "ArnType", PreTokenGeneration: "ArnType", UserMigration: "ArnType", PreTokenGenerationConfig: "PreTokenGenerationVersionConfigType", CustomSMSSender: "CustomSMSLambdaVersionConfigType", CustomEmailSender: "CustomEmailLambdaVersionConfigType", KMSKeyID: "ArnType", InboundFederation: "InboundFederationLambdaType" } },
  LanguageIdType: { type: "string", pattern: "^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$" },
  LimitClass: { type: "string", enum: ["API_CATEGORY"] },
  LimitDefinitionType: { type: "structure", members: { LimitClass: "LimitClass", Attributes: "StringToStringMapType" }, required: ["LimitClass", "Attributes"] },
  LimitExceededException: { type: "structure", members: { message: "MessageType" } },
  LimitType: { type: "structure", members: { LimitDefinition: "LimitDefinitionType", ProvisionedLimitValue: "IntegerType", FreeLimitValue: "IntegerType" }, required: ["LimitDefinition", "ProvisionedLimitValue", "FreeLimitValue"] },
  LinkUrlType: { type: "string", min: 1, max: 1024, pattern: "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$" },
  LinksType: { type: "map", min: 1, max: 13, key: "LanguageIdType", value: "LinkUrlType" },
  ListCIMDPoliciesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", NextToken: "PaginationKeyType", MaxResults: "PoolQueryLimitType" }, required: ["UserPoolId"] },
  ListCIMDPoliciesResponse: { type: "structure", members: { NextToken: "PaginationKeyType", CIMDPolicies: "CIMDPolicySummaryListType" }, required: ["CIMDPolicies"] },
  ListClientMetadataURLsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType", NextToken: "PaginationKeyType", MaxResults: "PoolQueryLimitType" }, required: ["UserPoolId", "CIMDPolicyId"] },
  ListClientMetadataURLsResponse: { type: "structure", members: { NextToken: "PaginationKeyType", ClientMetadataURLs: "ClientMetadataURLListType" }, required: ["ClientMetadataURLs"] },
  ListDevicesRequest: { type: "structure", members: { AccessToken: "TokenModelType", Limit: "QueryLimitType", PaginationToken: "SearchPaginationTokenType" }, required: ["AccessToken"] },
  ListDevicesResponse: { type: "structure", members: { Devices: "DeviceListType", PaginationToken: "SearchPaginationTokenType" } },
  ListGroupsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Limit: "QueryLimitType", NextToken: "PaginationKey" }, required: ["UserPoolId"] },
  ListGroupsResponse: { type: "structure", members: { Groups: "GroupListType", NextToken: "PaginationKey" } },
  ListIdentityProvidersRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", MaxResults: "ListProvidersLimitType", NextToken: "PaginationKeyType" }, required: ["UserPoolId"] },
  ListIdentityProvidersResponse: { type: "structure", members: { Providers: "ProvidersListType", NextToken: "PaginationKeyType" }, required: ["Providers"] },
  ListOfStringTypes: { type: "list", member: "StringType" },
  ListPointInTimeRecoveriesRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", NextToken: "PaginationKeyType", MaxResults: "PoolQueryLimitType" }, required: ["UserPoolId"] },
  ListPointInTimeRecoveriesResponse: { type: "structure", members: { Restorations: "RestorationListType", NextToken: "PaginationKeyType" } },
  ListProvidersLimitType: { type: "integer", min: 0, max: 60 },
  ListResourceServersLimitType: { type: "integer", min: 1, max: 50 },
  ListResourceServersRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", MaxResults: "ListResourceServersLimitType", NextToken: "PaginationKeyType" }, required: ["UserPoolId"] },
  ListResourceServersResponse: { type: "structure", members: { ResourceServers: "ResourceServersListType", NextToken: "PaginationKeyType" }, required: ["ResourceServers"] },
  ListTagsForResourceRequest: { type: "structure", members: { ResourceArn: "ArnType" }, required: ["ResourceArn"] },
  ListTagsForResourceResponse: { type: "structure", members: { Tags: "UserPoolTagsType" } },
  ListTermsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", MaxResults: "ListTermsRequestMaxResultsInteger", NextToken: "StringType" }, required: ["UserPoolId"] },
  ListTermsRequestMaxResultsInteger: { type: "integer", min: 1, max: 60 },
  ListTermsResponse: { type: "structure", members: { Terms: "TermsDescriptionListType", NextToken: "StringType" }, required: ["Terms"] },
  ListUserImportJobsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", MaxResults: "PoolQueryLimitType", PaginationToken: "PaginationKeyType" }, required: ["UserPoolId", "MaxResults"] },
  ListUserImportJobsResponse: { type: "structure", members: { UserImportJobs: "UserImportJobsListType", PaginationToken: "PaginationKeyType" } },
  ListUserPoolClientSecretsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", NextToken: "PaginationKey" }, required: ["UserPoolId", "ClientId"] },
  ListUserPoolClientSecretsResponse: { type: "structure", members: { ClientSecrets: "ClientSecretDescriptorListType", NextToken: "PaginationKey" } },
  ListUserPoolClientsRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", MaxResults: "QueryLimit", NextToken: "PaginationKey", ClientType: "ClientTypeType" }, required: ["UserPoolId"] },
  ListUserPoolClientsResponse: { type: "structure", members: { UserPoolClients: "UserPoolClientListType", NextToken: "PaginationKey" } },
  ListUserPoolReplicasRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", NextToken: "PaginationKeyType" }, required: ["UserPoolId"] },
  ListUserPoolReplicasResponse: { type: "structure", members: { UserPoolReplicas: "UserPoolReplicaListType", NextToken: "PaginationKeyType" } },
  ListUserPoolsRequest: { type: "structure", members: { NextToken: "PaginationKeyType", MaxResults: "PoolQueryLimitType" }, required: ["MaxResults"] },
  ListUserPoolsResponse: { type: "structure", members: { UserPools: "UserPoolListType", NextToken: "PaginationKeyType" } },
  ListUserSessionsRequest: { type: "structure", members: { AccessToken: "TokenModelType", NextToken: "PaginationKey" }, required: ["AccessToken"] },
  ListUserSessionsResponse: { type: "structure", members: { Sessions: "SessionsListType", NextToken: "PaginationKey" } },
  ListUsersInGroupRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", GroupName: "GroupNameType", Limit: "QueryLimitType", NextToken: "PaginationKey" }, required: ["UserPoolId", "GroupName"] },
  ListUsersInGroupResponse: { type: "structure", members: { Users: "UsersListType", NextToken: "PaginationKey" } },
  ListUsersRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", AttributesToGet: "SearchedAttributeNamesListType", Limit: "QueryLimitType", PaginationToken: "SearchPaginationTokenType", Filter: "UserFilterType" }, required: ["UserPoolId"] },
  ListUsersResponse: { type: "structure", members: { Users: "UsersListType", PaginationToken: "SearchPaginationTokenType" } },
  ListWebAuthnCredentialsRequest: { type: "structure", members: { AccessToken: "TokenModelType", NextToken: "PaginationKey", MaxResults: "WebAuthnCredentialsQueryLimitType" }, required: ["AccessToken"] },
  ListWebAuthnCredentialsResponse: { type: "structure", members: { Credentials: "WebAuthnCredentialDescriptionListType", NextToken: "PaginationKey" }, required: ["Credentials"] },
  LogConfigurationListType: { type: "list", min: 0, max: 2, member: "LogConfigurationType" },
  LogConfigurationType: { type: "structure", members: { LogLevel: "LogLevel", EventSource: "EventSourceName", CloudWatchLogsConfiguration: "CloudWatchLogsConfigurationType", S3Configuration: "S3ConfigurationType", FirehoseConfiguration: "FirehoseConfigurationType" }, required: ["LogLevel", "EventSource"] },
  LogDeliveryConfigurationType: { type: "structure", members: { UserPoolId: "UserPoolIdType", LogConfigurations: "LogConfigurationListType" }, required: ["UserPoolId", "LogConfigurations"] },
  LogLevel: { type: "string", enum: ["ERROR", "INFO"] },
  LogoutURLsListType: { type: "list", min: 0, max: 100, member: "RedirectUrlType" },
  LongType: { type: "long" },
  MFAMethodNotFoundException: { type: "structure", members: { message: "MessageType" } },
  MFAOptionListType: { type: "list", member: "MFAOptionType" },
  MFAOptionType: { type: "structure", members: { DeliveryMedium: "DeliveryMediumType", AttributeName: "AttributeNameType" } },
  ManagedLoginBrandingExistsException: { type: "structure", members: { message: "MessageType" } },
  ManagedLoginBrandingIdType: { type: "string", pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$" },
  ManagedLoginBrandingType: { type: "structure", members: { ManagedLoginBrandingId: "ManagedLoginBrandingIdType", UserPoolId: "UserPoolIdType", UseCognitoProvidedValues: "BooleanType", Settings: "Document", Assets: "AssetListType", CreationDate: "DateType", LastModifiedDate: "DateType" } },
  MaxSessionsPerUserType: { type: "integer", min: 1, max: 100 },
  MessageActionType: { type: "string", enum: ["RESEND", "SUPPRESS"] },
  MessageTemplateType: { type: "structure", members: { SMSMessage: "SmsInviteMessageType", EmailMessage: "EmailInviteMessageType", EmailSubject: "EmailVerificationSubjectType" } },
  MessageType: { type: "string" },
  MetadataURLType: { type: "string", min: 12, max: 256, pattern: "^https://[^\\s]+$" },
  NewDeviceMetadataType: { type: "structure", members: { DeviceKey: "DeviceKeyType", DeviceGroupKey: "StringType" } },
  NotAuthorizedException: { type: "structure", members: { message: "MessageType" } },
  NotifyConfigurationType: { type: "structure", members: { From: "StringType", ReplyTo: "StringType", SourceArn: "ArnType", BlockEmail: "NotifyEmailType", NoActionEmail: "NotifyEmailType", MfaEmail: "NotifyEmailType" }, required: ["SourceArn"] },
  NotifyEmailType: { type: "structure", members: { Subject: "EmailNotificationSubjectType", HtmlBody: "EmailNotificationBodyType", TextBody: "EmailNotificationBodyType" }, required: ["Subject"] },
  NumberAttributeConstraintsType: { type: "structure", members: { MinValue: "StringType", MaxValue: "StringType" } },
  OAuthFlowType: { type: "string", enum: ["code", "implicit", "client_credentials"] },
  OAuthFlowsType: { type: "list", min: 0, max: 3, member: "OAuthFlowType" },
  OAuthTokenTypeType: { type: "string", enum: ["Bearer", "N_A"] },
  OperationNotEnabledException: { type: "structure", members: { message: "MessageType" } },
  OptionalArnType: { type: "string", min: 0, max: 2048, pattern: "(arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?)?" },
  PaginationKey: { type: "string", min: 1, max: 131072, pattern: "[\\S]+" },
  PaginationKeyType: { type: "string", min: 1, pattern: "[\\S]+" },
  PasswordHashingAlgorithmType: { type: "string", enum: ["BCRYPT", "SCRYPT", "ARGON2ID", "PBKDF2_SHA256"] },
  PasswordHistoryPolicyViolationException: { type: "structure", members: { message: "MessageType" } },
  PasswordHistorySizeType: { type: "integer", min: 0, max: 24 },
  PasswordPolicyMinLengthType: { type: "integer", min: 6, max: 99 },
  PasswordPolicyType: { type: "structure", members: { MinimumLength: "PasswordPolicyMinLengthType", RequireUppercase: "BooleanType", RequireLowercase: "BooleanType", RequireNumbers: "BooleanType", RequireSymbols: "BooleanType", PasswordHistorySize: "PasswordHistorySizeType", TemporaryPasswordValidityDays: "TemporaryPasswordValidityDaysType" } },
  PasswordResetRequiredException: { type: "structure", members: { message: "MessageType" } },
  PasswordType: { type: "string", max: 256, pattern: "[\\S]+", sensitive: true },
  PoolQueryLimitType: { type: "integer", min: 1, max: 60 },
  PreSignedUrlType: { type: "string", min: 0, max: 2048 },
  PreTokenGenerationLambdaVersionType: { type: "string", enum: ["V1_0", "V2_0", "V3_0"] },
  PreTokenGenerationVersionConfigType: { type: "structure", members: { LambdaVersion: "PreTokenGenerationLambdaVersionType", LambdaArn: "ArnType" }, required: ["LambdaVersion", "LambdaArn"] },
  PrecedenceType: { type: "integer", min: 0 },
  PreconditionNotMetException: { type: "structure", members: { message: "MessageType" } },
  PreventUserExistenceErrorTypes: { type: "string", enum: ["LEGACY", "ENABLED"] },
  PriorityType: { type: "integer", min: 1, max: 2 },
  ProviderDescription: { type: "structure", members: { ProviderName: "ProviderNameType", ProviderType: "IdentityProviderTypeType", LastModifiedDate: "DateType", CreationDate: "DateType" } },
  ProviderDetailsType: { type: "map", key: "StringType", value: "StringType" },
  ProviderNameType: { type: "string", min: 1, max: 32, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+" },
  ProviderNameTypeV2: { type: "string", min: 1, max: 32, pattern: "[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+" },
  ProviderUserIdentifierType: { type: "structure", members: { ProviderName: "ProviderNameType", ProviderAttributeName: "StringType", ProviderAttributeValue: "StringType" } },
  ProvidersListType: { type: "list", min: 0, max: 50, member: "ProviderDescription" },
  QueryLimit: { type: "integer", min: 1, max: 60 },
  QueryLimitType: { type: "integer", min: 0, max: 60 },
  RecoveryMechanismsType: { type: "list", min: 1, max: 2, member: "RecoveryOptionType" },
  RecoveryOptionNameType: { type: "string", enum: ["verified_email", "verified_phone_number", "admin_only"] },
  RecoveryOptionType: { type: "structure", members: { Priority: "PriorityType", Name: "RecoveryOptionNameType" }, required: ["Priority", "Name"] },
  RedirectUrlType: { type: "string", min: 1, max: 1024, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" },
  RefreshTokenReuseException: { type: "structure", members: { message: "MessageType" } },
  RefreshTokenRotationType: { type: "structure", members: { Feature: "FeatureType", RetryGracePeriodSeconds: "RetryGracePeriodSecondsType" }, required: ["Feature"] },
  RefreshTokenValidityType: { type: "integer", min: 0, max: 315360000 },
  RegionCodeType: { type: "string", min: 5, max: 32 },
  RegionNameType: { type: "string", min: 5, max: 32 },
  RelyingPartyIdType: { type: "string", min: 1, max: 127 },
  ReplicaRegionsType: { type: "list", member: "StringType" },
  ReplicaRoleType: { type: "string", enum: ["PRIMARY", "SECONDARY"] },
  ReplicaStatusType: { type: "string", enum: ["CREATING", "ACTIVE", "INACTIVE", "DELETING"] },
  ResendConfirmationCodeRequest: { type: "structure", members: { ClientId: "ClientIdType", SecretHash: "SecretHashType", UserContextData: "UserContextDataType", Username: "UsernameType", AnalyticsMetadata: "AnalyticsMetadataType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "Username"] },
  ResendConfirmationCodeResponse: { type: "structure", members: { CodeDeliveryDetails: "CodeDeliveryDetailsType" } },
  ResourceIdType: { type: "string", min: 1, max: 40, pattern: "^[\\w\\- ]+$" },
  ResourceListType: { type: "list", min: 0, max: 1, member: "ResourceServerIdentifierType" },
  ResourceNotFoundException: { type: "structure", members: { message: "MessageType" } },
  ResourceServerIdentifierType: { type: "string", min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" },
  ResourceServerManagedByType: { type: "string", enum: ["COGNITO"] },
  ResourceServerNameType: { type: "string", min: 1, max: 256, pattern: "[\\w\\s+=,.@-]+" },
  ResourceServerScopeDescriptionType: { type: "string", min: 1, max: 256 },
  ResourceServerScopeListType: { type: "list", max: 100, member: "ResourceServerScopeType" },
  ResourceServerScopeNameType: { type: "string", min: 1, max: 256, pattern: "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+" },
  ResourceServerScopeType: { type: "structure", members: { ScopeName: "ResourceServerScopeNameType", ScopeDescription: "ResourceServerScopeDescriptionType" }, required: ["ScopeName", "ScopeDescription"] },
  ResourceServerType: { type: "structure", members: { UserPoolId: "UserPoolIdType", Identifier: "ResourceServerIdentifierType", Name: "ResourceServerNameType", Scopes: "ResourceServerScopeListType", ManagedBy: "ResourceServerManagedByType" } },
  ResourceServersListType: { type: "list", member: "ResourceServerType" },
  RespondToAuthChallengeRequest: { type: "structure", members: { ClientId: "ClientIdType", ChallengeName: "ChallengeNameType", Session: "SessionType", ChallengeResponses: "ChallengeResponsesType", AnalyticsMetadata: "AnalyticsMetadataType", UserContextData: "UserContextDataType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "ChallengeName"] },
  RespondToAuthChallengeResponse: { type: "structure", members: { ChallengeName: "ChallengeNameType", Session: "SessionType", ChallengeParameters: "ChallengeParametersType", AuthenticationResult: "AuthenticationResultType", AvailableChallenges: "AvailableChallengeListType" } },
  RestorationDescriptionType: { type: "structure", members: { RestoreId: "RestoreIdType", RestoreStatus: "RestoreStatusType", RestoreTimestamp: "DateType" } },
  RestorationListType: { type: "list", member: "RestorationDescriptionType" },
  RestorationType: { type: "structure", members: { RestoreId: "RestoreIdType", RestoreStatus: "RestoreStatusType", RestoreTimestamp: "DateType", TriggerTimestamp: "DateType", RestorePreview: "RestorePreviewListType" } },
  RestoreIdType: { type: "string", min: 36, max: 36, pattern: "^[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}$" },
  RestorePreviewListType: { type: "list", member: "RestorePreviewType" },
  RestorePreviewType: { type: "structure", members: { Entity: "StringType", CreateCount: "LongType", UpdateCount: "LongType", DeleteCount: "LongType" } },
  RestoreStatusType: { type: "string", enum: ["PREVIEW_GENERATING", "PREVIEW_GENERATED", "PREVIEW_CANCELLED", "PREVIEW_GENERATION_FAILED", "PREVIEW_EXPIRED", "RESTORING", "RESTORE_COMPLETED", "TEMPORARY_INTERNAL_ERROR_SEE_SUPPORT_CASE", "AWS_ABORTED"] },
  RetryGracePeriodSecondsType: { type: "integer", min: 0, max: 60 },
  RevokeAssociatedSessionsType: { type: "string", enum: ["NONE", "LINKED"] },
  RevokeTokenRequest: { type: "structure", members: { Token: "TokenModelType", ClientId: "ClientIdType", ClientSecret: "ClientSecretType", RevokeAssociatedSessions: "RevokeAssociatedSessionsType" }, required: ["Token", "ClientId"] },
  RevokeTokenResponse: { type: "structure", members: {  } },
  RevokeUserSessionRequest: { type: "structure", members: { AccessToken: "TokenModelType", SessionId: "SessionIdType", RevokeAssociatedSessions: "RevokeAssociatedSessionsType" }, required: ["AccessToken", "SessionId"] },
  RevokeUserSessionResponse: { type: "structure", members: {  } },
  RiskConfigurationType: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", CompromisedCredentialsRiskConfiguration: "CompromisedCredentialsRiskConfigurationType", AccountTakeoverRiskConfiguration: "AccountTakeoverRiskConfigurationType", RiskExceptionConfiguration: "RiskExceptionConfigurationType", LastModifiedDate: "DateType" } },
  RiskDecisionType: { type: "string", enum: ["NoRisk", "AccountTakeover", "Block"] },
  RiskExceptionConfigurationType: { type: "structure", members: { BlockedIPRangeList: "BlockedIPRangeListType", SkippedIPRangeList: "SkippedIPRangeListType" } },
  RiskLevelType: { type: "string", enum: ["Low", "Medium", "High"] },
  RoutingType: { type: "structure", members: { Failover: "FailoverType" } },
  S3ArnType: { type: "string", min: 3, max: 1024, pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:::[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?" },
  S3BucketType: { type: "string", min: 3, max: 1024, pattern: "^[0-9A-Za-z\\.\\-_]*(?<!\\.)$" },
  S3ConfigurationType: { type: "structure", members: { BucketArn: "S3ArnType" } },
  SESConfigurationSet: { type: "string", min: 1, max: 64, pattern: "^[a-zA-Z0-9_-]+$" },
  SMSMfaSettingsType: { type: "structure", members: { Enabled: "BooleanType", PreferredMfa: "BooleanType" } },
  SSOSessionMaxValidityMinutesType: { type: "integer", min: 0, max: 129600 },
  SchemaAttributeType: { type: "structure", members: { Name: "CustomAttributeNameType", AttributeDataType: "AttributeDataType", DeveloperOnlyAttribute: "BooleanType", Mutable: "BooleanType", Required: "BooleanType", NumberAttributeConstraints: "NumberAttributeConstraintsType", StringAttributeConstraints: "StringAttributeConstraintsType" } },
  SchemaAttributesListType: { type: "list", min: 1, max: 50, member: "SchemaAttributeType" },
  ScopeDoesNotExistException: { type: "structure", members: { message: "MessageType" } },
  ScopeListType: { type: "list", max: 50, member: "ScopeType" },
  ScopeType: { type: "string", min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" },
  SearchPaginationTokenType: { type: "string", min: 1, pattern: "[\\S]+" },
  SearchedAttributeNamesListType: { type: "list", member: "AttributeNameType" },
  SecretCodeType: { type: "string", min: 16, pattern: "[A-Za-z0-9]+", sensitive: true },
  SecretHashType: { type: "string", min: 1, max: 128, pattern: "[\\w+=/]+", sensitive: true },
  SecurityPolicyType: { type: "string", enum: ["TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025"] },
  ServiceQuotaExceededException: { type: "structure", members: { message: "MessageType" } },
  SessionDescriptionType: { type: "structure", members: { SessionId: "SessionIdType", SessionType: "SessionTypeType", ClientId: "ClientIdType", CreateDate: "DateType", LastActiveDate: "DateType", DeviceType: "SessionDeviceType", LastIPAddress: "SessionIpAddressType", LastLocation: "SessionLocationType", OriginSessionId: "SessionIdType", IsCurrentSession: "WrappedBooleanType" } },
  SessionDeviceType: { type: "string", min: 0, max: 1024 },
  SessionIdType: { type: "string", min: 28, max: 28, pattern: "^(tkn|sso)[a-z0-9]{25}$" },
  SessionIpAddressType: { type: "string", min: 0, max: 128, sensitive: true },
  SessionLocationCityType: { type: "string", min: 0, max: 256 },
  SessionLocationCountryType: { type: "string", min: 0, max: 256 },
  SessionLocationType: { type: "structure", members: { City: "SessionLocationCityType", Country: "SessionLocationCountryType" } },
  SessionType: { type: "string", min: 20, max: 4096, sensitive: true },
  SessionTypeType: { type: "string", enum: ["TOKEN", "SSO"] },
  SessionsListType: { type: "list", min: 0, max: 125, member: "SessionDescriptionType" },
  SetLogDeliveryConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", LogConfigurations: "LogConfigurationListType" }, required: ["UserPoolId", "LogConfigurations"] },
  SetLogDeliveryConfigurationResponse: { type: "structure", members: { LogDeliveryConfiguration: "LogDeliveryConfigurationType" } },
  SetRiskConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", CompromisedCredentialsRiskConfiguration: "CompromisedCredentialsRiskConfigurationType", AccountTakeoverRiskConfiguration: "AccountTakeoverRiskConfigurationType", RiskExceptionConfiguration: "RiskExceptionConfigurationType" }, required: ["UserPoolId"] },
  SetRiskConfigurationResponse: { type: "structure", members: { RiskConfiguration: "RiskConfigurationType" }, required: ["RiskConfiguration"] },
  SetUICustomizationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", CSS: "CSSType", ImageFile: "ImageFileType" }, required: ["UserPoolId"] },
  SetUICustomizationResponse: { type: "structure", members: { UICustomization: "UICustomizationType" }, required: ["UICustomization"] },
  SetUserMFAPreferenceRequest: { type: "structure", members: { SMSMfaSettings: "SMSMfaSettingsType", SoftwareTokenMfaSettings: "SoftwareTokenMfaSettingsType", EmailMfaSettings: "EmailMfaSettingsType", WebAuthnMfaSettings: "WebAuthnMfaSettingsType", AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  SetUserMFAPreferenceResponse: { type: "structure", members: {  } },
  SetUserPoolClientSessionConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", SSOSession: "ClientSSOSessionConfigType" }, required: ["UserPoolId", "ClientId", "SSOSession"] },
  SetUserPoolClientSessionConfigurationResponse: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", SSOSession: "ClientSSOSessionConfigType" } },
  SetUserPoolMfaConfigRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", SmsMfaConfiguration: "SmsMfaConfigType", SoftwareTokenMfaConfiguration: "SoftwareTokenMfaConfigType", EmailMfaConfiguration: "EmailMfaConfigType", MfaConfiguration: "UserPoolMfaType", WebAuthnConfiguration: "WebAuthnConfigurationType" }, required: ["UserPoolId"] },
  SetUserPoolMfaConfigResponse: { type: "structure", members: { SmsMfaConfiguration: "SmsMfaConfigType", SoftwareTokenMfaConfiguration: "SoftwareTokenMfaConfigType", EmailMfaConfiguration: "EmailMfaConfigType", MfaConfiguration: "UserPoolMfaType", WebAuthnConfiguration: "WebAuthnConfigurationType" } },
  SetUserPoolSessionConfigurationRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", UserSessionTracking: "UserSessionTrackingType", TokenSession: "UserPoolTokenSessionConfigType" }, required: ["UserPoolId", "UserSessionTracking", "TokenSession"] },
  SetUserPoolSessionConfigurationResponse: { type: "structure", members: { UserPoolId: "UserPoolIdType", UserSessionTracking: "UserSessionTrackingType", TokenSession: "UserPoolTokenSessionConfigType" } },
  SetUserSettingsRequest: { type: "structure", members: { AccessToken: "TokenModelType", MFAOptions: "MFAOptionListType" }, required: ["AccessToken", "MFAOptions"] },
  SetUserSettingsResponse: { type: "structure", members: {  } },
  SignInPolicyType: { type: "structure", members: { AllowedFirstAuthFactors: "AllowedFirstAuthFactorsListType" } },
  SignUpRequest: { type: "structure", members: { ClientId: "ClientIdType", SecretHash: "SecretHashType", Username: "UsernameType", Password: "PasswordType", UserAttributes: "AttributeListType", ValidationData: "AttributeListType", AnalyticsMetadata: "AnalyticsMetadataType", UserContextData: "UserContextDataType", ClientMetadata: "ClientMetadataType" }, required: ["ClientId", "Username"] },
  SignUpResponse: { type: "structure", members: { UserConfirmed: "BooleanType", CodeDeliveryDetails: "CodeDeliveryDetailsType", UserSub: "StringType", Session: "SessionType" }, required: ["UserConfirmed", "UserSub"] },
  SkippedIPRangeListType: { type: "list", max: 200, member: "StringType" },
  SmsConfigurationType: { type: "structure", members: { SnsCallerArn: "OptionalArnType", ExternalId: "StringType", SnsRegion: "RegionCodeType", EumsSms: "EumsSmsConfigurationType" } },
  SmsInviteMessageType: { type: "string", min: 6, max: 140, pattern: "(?s).*" },
  SmsMfaConfigType: { type: "structure", members: { SmsAuthenticationMessage: "SmsVerificationMessageType", SmsConfiguration: "SmsConfigurationType" } },
  SmsVerificationMessageType: { type: "string", min: 6, max: 140, pattern: ".*\\{####\\}.*" },
  SoftwareTokenMFANotFoundException: { type: "structure", members: { message: "MessageType" } },
  SoftwareTokenMFAUserCodeType: { type: "string", min: 6, max: 6, pattern: "[0-9]+", sensitive: true },
  SoftwareTokenMfaConfigType: { type: "structure", members: { Enabled: "BooleanType" } },
  SoftwareTokenMfaSettingsType: { type: "structure", members: { Enabled: "BooleanType", PreferredMfa: "BooleanType" } },
  StartPointInTimeRecoveryRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RestoreId: "RestoreIdType" }, required: ["UserPoolId", "RestoreId"] },
  StartPointInTimeRecoveryResponse: { type: "structure", members: { Restoration: "RestorationType" } },
  StartUserImportJobRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", JobId: "UserImportJobIdType" }, required: ["UserPoolId", "JobId"] },
  StartUserImportJobResponse: { type: "structure", members: { UserImportJob: "UserImportJobType" } },
  StartWebAuthnRegistrationRequest: { type: "structure", members: { AccessToken: "TokenModelType" }, required: ["AccessToken"] },
  StartWebAuthnRegistrationResponse: { type: "structure", members: { CredentialCreationOptions: "Document" }, required: ["CredentialCreationOptions"] },
  StatusType: { type: "string", enum: ["Enabled", "Disabled"] },
  StopUserImportJobRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", JobId: "UserImportJobIdType" }, required: ["UserPoolId", "JobId"] },
  StopUserImportJobResponse: { type: "structure", members: { UserImportJob: "UserImportJobType" } },
  StringAttributeConstraintsType: { type: "structure", members: { MinLength: "StringType", MaxLength: "StringType" } },
  StringToStringMapType: { type: "map", key: "StringType", value: "StringType" },
  StringType: { type: "string", min: 0, max: 131072 },
  SupportedIdentityProvidersListType: { type: "list", member: "ProviderNameType" },
  TagKeysType: { type: "string", min: 1, max: 128 },
  TagResourceRequest: { type: "structure", members: { ResourceArn: "ArnType", Tags: "UserPoolTagsType" }, required: ["ResourceArn", "Tags"] },
  TagResourceResponse: { type: "structure", members: {  } },
  TagValueType: { type: "string", min: 0, max: 256 },
  TemporaryPasswordValidityDaysType: { type: "integer", min: 0, max: 365 },
  TermsDescriptionListType: { type: "list", member: "TermsDescriptionType" },
  TermsDescriptionType: { type: "structure", members: { TermsId: "TermsIdType", TermsName: "TermsNameType", Enforcement: "TermsEnforcementType", CreationDate: "DateType", LastModifiedDate: "DateType" }, required: ["TermsId", "TermsName", "Enforcement", "CreationDate", "LastModifiedDate"] },
  TermsEnforcementType: { type: "string", enum: ["NONE"] },
  TermsExistsException: { type: "structure", members: { message: "MessageType" } },
  TermsIdType: { type: "string", pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[4][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$" },
  TermsNameType: { type: "string", pattern: "^(terms-of-use|privacy-policy)$" },
  TermsSourceType: { type: "string", enum: ["LINK"] },
  TermsType: { type: "structure", members: { TermsId: "TermsIdType", UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", TermsName: "TermsNameType", TermsSource: "TermsSourceType", Enforcement: "TermsEnforcementType", Links: "LinksType", CreationDate: "DateType", LastModifiedDate: "DateType" }, required: ["TermsId", "UserPoolId", "ClientId", "TermsName", "TermsSource", "Enforcement", "Links", "CreationDate", "LastModifiedDate"] },
  TierChangeNotAllowedException: { type: "structure", members: { message: "MessageType" } },
  TimeUnitsType: { type: "string", enum: ["seconds", "minutes", "hours", "days"] },
  TokenModelType: { type: "string", pattern: "[A-Za-z0-9-_=.]+", sensitive: true },
  TokenTypeIdentifierType: { type: "string", enum: ["ACCESS_TOKEN", "ID_TOKEN", "SAML2"] },
  TokenValidityUnitsType: { type: "structure", members: { AccessToken: "TimeUnitsType", IdToken: "TimeUnitsType", RefreshToken: "TimeUnitsType" } },
  TooManyFailedAttemptsException: { type: "structure", members: { message: "MessageType" } },
  TooManyRequestsException: { type: "structure", members: { message: "MessageType" } },
  UICustomizationType: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ImageUrl: "ImageUrlType", CSS: "CSSType", CSSVersion: "CSSVersionType", LastModifiedDate: "DateType", CreationDate: "DateType" } },
  URLPatternListType: { type: "list", min: 1, max: 5, member: "URLPatternType" },
  URLPatternType: { type: "string", min: 12, max: 256, pattern: "^https://[!$-;=@-\\[\\]_a-z~]+$" },
  UnauthorizedException: { type: "structure", members: { message: "MessageType" } },
  UnexpectedLambdaException: { type: "structure", members: { message: "MessageType" } },
  UnsupportedIdentityProviderException: { type: "structure", members: { message: "MessageType" } },
  UnsupportedOperationException: { type: "structure", members: { message: "MessageType" } },
  UnsupportedTokenTypeException: { type: "structure", members: { message: "MessageType" } },
  UnsupportedUserStateException: { type: "structure", members: { message: "MessageType" } },
  UntagResourceRequest: { type: "structure", members: { ResourceArn: "ArnType", TagKeys: "UserPoolTagsListType" }, required: ["ResourceArn", "TagKeys"] },
  UntagResourceResponse: { type: "structure", members: {  } },
  UpdateAuthEventFeedbackRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Username: "UsernameType", EventId: "EventIdType", FeedbackToken: "TokenModelType", FeedbackValue: "FeedbackValueType" }, required: ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"] },
  UpdateAuthEventFeedbackResponse: { type: "structure", members: {  } },
  UpdateCIMDPolicyRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType", ClientId: "ClientIdType", PolicyName: "CIMDPolicyNameType", CacheDuration: "CacheDurationType", URLPatterns: "URLPatternListType" }, required: ["UserPoolId", "CIMDPolicyId", "ClientId", "URLPatterns"] },
  UpdateCIMDPolicyResponse: { type: "structure", members: { CIMDPolicy: "CIMDPolicyType" }, required: ["CIMDPolicy"] },
  UpdateClientMetadataURLStateRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", CIMDPolicyId: "CIMDPolicyIdType", URL: "MetadataURLType", Action: "CIMDCacheActionType" }, required: ["UserPoolId", "CIMDPolicyId", "URL", "Action"] },
  UpdateClientMetadataURLStateResponse: { type: "structure", members: {  } },
  UpdateDeviceStatusRequest: { type: "structure", members: { AccessToken: "TokenModelType", DeviceKey: "DeviceKeyType", DeviceRememberedStatus: "DeviceRememberedStatusType" }, required: ["AccessToken", "DeviceKey"] },
  UpdateDeviceStatusResponse: { type: "structure", members: {  } },
  UpdateGroupRequest: { type: "structure", members: { GroupName: "GroupNameType", UserPoolId: "UserPoolIdType", Description: "DescriptionType", RoleArn: "ArnType", Precedence: "PrecedenceType" }, required: ["GroupName", "UserPoolId"] },
  UpdateGroupResponse: { type: "structure", members: { Group: "GroupType" } },
  UpdateIdentityProviderRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ProviderName: "ProviderNameType", ProviderDetails: "ProviderDetailsType", AttributeMapping: "AttributeMappingType", IdpIdentifiers: "IdpIdentifiersListType", AcrMapping: "AcrMappingType" }, required: ["UserPoolId", "ProviderName"] },
  UpdateIdentityProviderResponse: { type: "structure", members: { IdentityProvider: "IdentityProviderType" }, required: ["IdentityProvider"] },
  UpdateManagedLoginBrandingRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ManagedLoginBrandingId: "ManagedLoginBrandingIdType", UseCognitoProvidedValues: "BooleanType", Settings: "Document", Assets: "AssetListType" } },
  UpdateManagedLoginBrandingResponse: { type: "structure", members: { ManagedLoginBranding: "ManagedLoginBrandingType" } },
  UpdateProvisionedLimitRequest: { type: "structure", members: { LimitDefinition: "LimitDefinitionType", RequestedLimitValue: "IntegerType" }, required: ["LimitDefinition", "RequestedLimitValue"] },
  UpdateProvisionedLimitResponse: { type: "structure", members: { Limit: "LimitType" }, required: ["Limit"] },
  UpdateReplicaStatusType: { type: "string", enum: ["ACTIVE", "INACTIVE"] },
  UpdateResourceServerRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Identifier: "ResourceServerIdentifierType", Name: "ResourceServerNameType", Scopes: "ResourceServerScopeListType" }, required: ["UserPoolId", "Identifier", "Name"] },
  UpdateResourceServerResponse: { type: "structure", members: { ResourceServer: "ResourceServerType" }, required: ["ResourceServer"] },
  UpdateTermsRequest: { type: "structure", members: { TermsId: "TermsIdType", UserPoolId: "UserPoolIdType", TermsName: "TermsNameType", TermsSource: "TermsSourceType", Enforcement: "TermsEnforcementType", Links: "LinksType" }, required: ["TermsId", "UserPoolId"] },
  UpdateTermsResponse: { type: "structure", members: { Terms: "TermsType" } },
  UpdateUserAttributesRequest: { type: "structure", members: { UserAttributes: "AttributeListType", AccessToken: "TokenModelType", ClientMetadata: "ClientMetadataType" }, required: ["UserAttributes", "AccessToken"] },
  UpdateUserAttributesResponse: { type: "structure", members: { CodeDeliveryDetailsList: "CodeDeliveryDetailsListType" } },
  UpdateUserPoolClientRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientId: "ClientIdType", ClientName: "ClientNameType", RefreshTokenValidity: "RefreshTokenValidityType", AccessTokenValidity: "AccessTokenValidityType", IdTokenValidity: "IdTokenValidityType", TokenValidityUnits: "TokenValidityUnitsType", ReadAttributes: "ClientPermissionListType", WriteAttributes: "ClientPermissionListType", ExplicitAuthFlows: "ExplicitAuthFlowsListType", SupportedIdentityProviders: "SupportedIdentityProvidersListType", CallbackURLs: "CallbackURLsListType", LogoutURLs: "LogoutURLsListType", DefaultRedirectURI: "RedirectUrlType", AllowedOAuthFlows: "OAuthFlowsType", AllowedOAuthScopes: "ScopeListType", AllowedOAuthFlowsUserPoolClient: "BooleanType", AnalyticsConfiguration: "AnalyticsConfigurationType", PreventUserExistenceErrors: "PreventUserExistenceErrorTypes", EnableTokenRevocation: "WrappedBooleanType", EnablePropagateAdditionalUserContextData: "WrappedBooleanType", AuthSessionValidity: "AuthSessionValidityType", RefreshTokenRotation: "RefreshTokenRotationType", PublishSecretsInAWSSecretsManager: "WrappedBooleanType" }, required: ["UserPoolId", "ClientId"] },
  UpdateUserPoolClientResponse: { type: "structure", members: { UserPoolClient: "UserPoolClientType" } },
  UpdateUserPoolDomainRequest: { type: "structure", members: { Domain: "DomainType", UserPoolId: "UserPoolIdType", ManagedLoginVersion: "WrappedIntegerType", CustomDomainConfig: "CustomDomainConfigType", Routing: "RoutingType" }, required: ["Domain", "UserPoolId"] },
  UpdateUserPoolDomainResponse: { type: "structure", members: { ManagedLoginVersion: "WrappedIntegerType", CloudFrontDomain: "DomainType", Routing: "RoutingType" } },
  UpdateUserPoolReplicaRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", RegionName: "RegionNameType", Status: "UpdateReplicaStatusType" }, required: ["UserPoolId", "RegionName", "Status"] },
  UpdateUserPoolReplicaResponse: { type: "structure", members: { UserPoolReplica: "UserPoolReplicaType" } },
  UpdateUserPoolRequest: { type: "structure", members: { UserPoolId: "UserPoolIdType", Policies: "UserPoolPolicyType", DeletionProtection: "DeletionProtectionType", LambdaConfig: "LambdaConfigType", AutoVerifiedAttributes: "VerifiedAttributesListType", SmsVerificationMessage: "SmsVerificationMessageType", EmailVerificationMessage: "EmailVerificationMessageType", EmailVerificationSubject: "EmailVerificationSubjectType", VerificationMessageTemplate: "VerificationMessageTemplateType", SmsAuthenticationMessage: "SmsVerificationMessageType", UserAttributeUpdateSettings: "UserAttributeUpdateSettingsType", MfaConfiguration: "UserPoolMfaType", DeviceConfiguration: "DeviceConfigurationType", EmailConfiguration: "EmailConfigurationType", SmsConfiguration: "SmsConfigurationType", UserPoolTags: "UserPoolTagsType", AdminCreateUserConfig: "AdminCreateUserConfigType", UserPoolAddOns: "UserPoolAddOnsType", DcrConfiguration: "DcrConfigurationType", AccountRecoverySetting: "AccountRecoverySettingType", PoolName: "UserPoolNameType", UserPoolTier: "UserPoolTierType", KeyConfiguration: "KeyConfigurationType", IssuerConfiguration: "IssuerConfigurationType", AcrConfiguration: "AcrConfigurationType" }, required: ["UserPoolId"] },
  UpdateUserPoolResponse: { type: "structure", members: {  } },
  UserAttributeUpdateSettingsType: { type: "structure", members: { AttributesRequireVerificationBeforeUpdate: "AttributesRequireVerificationBeforeUpdateType" } },
  UserContextDataType: { type: "structure", members: { IpAddress: "StringType", EncodedData: "StringType" }, sensitive: true },
  UserFilterType: { type: "string", max: 256 },
  UserImportInProgressException: { type: "structure", members: { message: "MessageType" } },
  UserImportJobIdType: { type: "string", min: 1, max: 55, pattern: "import-[0-9a-zA-Z-]+" },
  UserImportJobNameType: { type: "string", min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" },
  UserImportJobStatusType: { type: "string", enum: ["Created", "Pending", "InProgress", "Stopping", "Expired", "Stopped", "Failed", "Succeeded"] },
  UserImportJobType: { type: "structure", members: { JobName: "UserImportJobNameType", JobId: "UserImportJobIdType", UserPoolId: "UserPoolIdType", PreSignedUrl: "PreSignedUrlType", CreationDate: "DateType", StartDate: "DateType", CompletionDate: "DateType", Status: "UserImportJobStatusType", CloudWatchLogsRoleArn: "ArnType", ImportedUsers: "LongType", SkippedUsers: "LongType", FailedUsers: "LongType", CompletionMessage: "CompletionMessageType", PasswordHashingAlgorithm: "PasswordHashingAlgorithmType" } },
  UserImportJobsListType: { type: "list", min: 1, max: 50, member: "UserImportJobType" },
  UserLambdaValidationException: { type: "structure", members: { message: "MessageType" } },
  UserMFASettingListType: { type: "list", member: "StringType" },
  UserNotConfirmedException: { type: "structure", members: { message: "MessageType" } },
  UserNotFoundException: { type: "structure", members: { message: "MessageType" } },
  UserPoolAddOnNotEnabledException: { type: "structure", members: { message: "MessageType" } },
  UserPoolAddOnsType: { type: "structure", members: { AdvancedSecurityMode: "AdvancedSecurityModeType", AdvancedSecurityAdditionalFlows: "AdvancedSecurityAdditionalFlowsType" }, required: ["AdvancedSecurityMode"] },
  UserPoolClientDescription: { type: "structure", members: { ClientId: "ClientIdType", UserPoolId: "UserPoolIdType", ClientName: "ClientNameType" } },
  UserPoolClientListType: { type: "list", member: "UserPoolClientDescription" },
  UserPoolClientType: { type: "structure", members: { UserPoolId: "UserPoolIdType", ClientName: "ClientNameType", ClientId: "ClientIdType", ClientSecret: "ClientSecretType", ClientSecretArn: "ClientSecretArnType", LastModifiedDate: "DateType", CreationDate: "DateType", RefreshTokenValidity: "RefreshTokenValidityType", AccessTokenValidity: "AccessTokenValidityType", IdTokenValidity: "IdTokenValidityType", TokenValidityUnits: "TokenValidityUnitsType", ReadAttributes: "ClientPermissionListType", WriteAttributes: "ClientPermissionListType", ExplicitAuthFlows: "ExplicitAuthFlowsListType", SupportedIdentityProviders: "SupportedIdentityProvidersListType", CallbackURLs: "CallbackURLsListType", LogoutURLs: "LogoutURLsListType", DefaultRedirectURI: "RedirectUrlType", AllowedOAuthFlows: "OAuthFlowsType", AllowedOAuthScopes: "ScopeListType", AllowedOAuthFlowsUserPoolClient: "BooleanType", AnalyticsConfiguration: "AnalyticsConfigurationType", PreventUserExistenceErrors: "PreventUserExistenceErrorTypes", EnableTokenRevocation: "WrappedBooleanType", EnablePropagateAdditionalUserContextData: "WrappedBooleanType", AuthSessionValidity: "AuthSessionValidityType", RefreshTokenRotation: "RefreshTokenRotationType", ClientType: "ClientTypeType" } },
  UserPoolDescriptionType: { type: "structure", members: { Id: "UserPoolIdType", Name: "UserPoolNameType", LambdaConfig: "LambdaConfigType", Status: "StatusType", LastModifiedDate: "DateType", CreationDate: "DateType", ReplicaRegions: "ReplicaRegionsType" } },
  UserPoolIdType: { type: "string", min: 1, max: 55, pattern: "[\\w-]+_[0-9a-zA-Z]+" },
  UserPoolListType: { type: "list", member: "UserPoolDescriptionType" },
  UserPoolMfaType: { type: "string", enum: ["OFF", "ON", "OPTIONAL"] },
  UserPoolNameType: { type: "string", min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" },
  UserPoolPolicyType: { type: "structure", members: { PasswordPolicy: "PasswordPolicyType", SignInPolicy: "SignInPolicyType" } },
  UserPoolReplicaListType: { type: "list", member: "UserPoolReplicaType" },
  UserPoolReplicaType: { type: "structure", members: { RegionName: "RegionNameType", Status: "ReplicaStatusType", Role: "ReplicaRoleType", UserPoolArn: "ArnType" } },
  UserPoolTaggingException: { type: "structure", members: { message: "MessageType" } },
  UserPoolTagsListType: { type: "list", member: "TagKeysType" },
  UserPoolTagsType: { type: "map", key: "TagKeysType", value: "TagValueType" },
  UserPoolTierType: { type: "string", enum: ["LITE", "ESSENTIALS", "PLUS"] },
  UserPoolTokenSessionConfigType: { type: "structure", members: { MaxPerUser: "MaxSessionsPerUserType" }, required: ["MaxPerUser"] },
  UserPoolType: { type: "structure", members: { Id: "UserPoolIdType", Name: "UserPoolNameType", Policies: "UserPoolPolicyType", DeletionProtection: "DeletionProtectionType", LambdaConfig: "LambdaConfigType", Status: "StatusType", LastModifiedDate: "DateType", CreationDate: "DateType", SchemaAttributes: "SchemaAttributesListType", AutoVerifiedAttributes: "VerifiedAttributesListType", AliasAttributes: "AliasAttributesListType", UsernameAttributes: "UsernameAttributesListType", SmsVerificationMessage: "SmsVerificationMessageType", EmailVerificationMessage: "EmailVerificationMessageType", EmailVerificationSubject: "EmailVerificationSubjectType", VerificationMessageTemplate: "VerificationMessageTemplateType", SmsAuthenticationMessage: "SmsVerificationMessageType", UserAttributeUpdateSettings: "UserAttributeUpdateSettingsType", MfaConfiguration: "UserPoolMfaType", DeviceConfiguration: "DeviceConfigurationType", EstimatedNumberOfUsers: "IntegerType", EmailConfiguration: "EmailConfigurationType", SmsConfiguration: "SmsConfigurationType", UserPoolTags: "UserPoolTagsType", SmsConfigurationFailure: "StringType", EmailConfigurationFailure: "StringType", Domain: "DomainType", CustomDomain: "DomainType", AdminCreateUserConfig: "AdminCreateUserConfigType", UserPoolAddOns: "UserPoolAddOnsType", DcrConfiguration: "DcrConfigurationType", UsernameConfiguration: "UsernameConfigurationType", Arn: "ArnType", AccountRecoverySetting: "AccountRecoverySettingType", UserPoolTier: "UserPoolTierType", KeyConfiguration: "KeyConfigurationType", IssuerConfiguration: "IssuerConfigurationType", AcrConfiguration: "AcrConfigurationType" } },
  UserSessionTrackingType: { type: "string", enum: ["ENABLED", "DISABLED"] },
  UserStatusType: { type: "string", enum: ["UNCONFIRMED", "CONFIRMED", "ARCHIVED", "COMPROMISED", "UNKNOWN", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD", "EXTERNAL_PROVIDER"] },
  UserType: { type: "structure", members: { Username: "UsernameType", Attributes: "AttributeListType", UserCreateDate: "DateType", UserLastModifiedDate: "DateType", Enabled: "BooleanType", UserStatus: "UserStatusType", MFAOptions: "MFAOptionListType" } },
  UserVerificationType: { type: "string", enum: ["required", "preferred"] },
  UsernameAttributeType: { type: "string", enum: ["phone_number", "email"] },
  UsernameAttributesListType: { type: "list", member: "UsernameAttributeType" },
  UsernameConfigurationType: { type: "structure", members: { CaseSensitive: "WrappedBooleanType" }, required: ["CaseSensitive"] },
  UsernameExistsException: { type: "structure", members: { message: "MessageType" } },
  UsernameType: { type: "string", min: 1, max: 128, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", sensitive: true },
  UsersListType: { type: "list", member: "UserType" },
  VerificationMessageTemplateType: { type: "structure", members: { SmsMessage: "SmsVerificationMessageType", EmailMessage: "EmailVerificationMessageType", EmailSubject: "EmailVerificationSubjectType", EmailMessageByLink: "EmailVerificationMessageByLinkType", EmailSubjectByLink: "EmailVerificationSubjectByLinkType", DefaultEmailOption: "DefaultEmailOptionType" } },
  VerifiedAttributeType: { type: "string", enum: ["phone_number", "email"] },
  VerifiedAttributesListType: { type: "list", member: "VerifiedAttributeType" },
  VerifySoftwareTokenRequest: { type: "structure", members: { AccessToken: "TokenModelType", Session: "SessionType", UserCode: "SoftwareTokenMFAUserCodeType", FriendlyDeviceName: "StringType" }, required: ["UserCode"] },
  VerifySoftwareTokenResponse: { type: "structure", members: { Status: "VerifySoftwareTokenResponseType", Session: "SessionType" } },
  VerifySoftwareTokenResponseType: { type: "string", enum: ["SUCCESS", "ERROR"] },
  VerifyUserAttributeRequest: { type: "structure", members: { AccessToken: "TokenModelType", AttributeName: "AttributeNameType", Code: "ConfirmationCodeType" }, required: ["AccessToken", "AttributeName", "Code"] },
  VerifyUserAttributeResponse: { type: "structure", members: {  } },
  WebAuthnAuthenticatorAttachmentType: { type: "string" },
  WebAuthnAuthenticatorTransportType: { type: "string" },
  WebAuthnAuthenticatorTransportsList: { type: "list", member: "WebAuthnAuthenticatorTransportType" },
  WebAuthnChallengeNotFoundException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnClientMismatchException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnConfigurationMissingException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnConfigurationType: { type: "structure", members: { RelyingPartyId: "RelyingPartyIdType", UserVerification: "UserVerificationType", FactorConfiguration: "WebAuthnFactorConfigurationType" } },
  WebAuthnCredentialDescription: { type: "structure", members: { CredentialId: "StringType", FriendlyCredentialName: "StringType", RelyingPartyId: "StringType", AuthenticatorAttachment: "WebAuthnAuthenticatorAttachmentType", AuthenticatorTransports: "WebAuthnAuthenticatorTransportsList", CreatedAt: "DateType" }, required: ["CredentialId", "FriendlyCredentialName", "RelyingPartyId", "AuthenticatorTransports", "CreatedAt"] },
  WebAuthnCredentialDescriptionListType: { type: "list", member: "WebAuthnCredentialDescription" },
  WebAuthnCredentialNotSupportedException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnCredentialsQueryLimitType: { type: "integer", min: 0, max: 20 },
  WebAuthnFactorConfigurationType: { type: "string", enum: ["SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"] },
  WebAuthnMfaSettingsType: { type: "structure", members: { Enabled: "BooleanType" } },
  WebAuthnNotEnabledException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnOriginNotAllowedException: { type: "structure", members: { message: "MessageType" } },
  WebAuthnRelyingPartyMismatchException: { type: "structure", members: { message: "MessageType" } },
  WrappedBooleanType: { type: "boolean" },
  WrappedIntegerType: { type: "integer" },
};

/** Model pattern -> JavaScript source, for the patterns that needed a translation (see header). */
export const patternTranslations: Record<string, string> = {
  "(?s).*": "[\\s\\S]*",
  ".*\\{####\\}.*": "[^\\n\\r\\u0085\\u2028\\u2029]*\\{####\\}[^\\n\\r\\u0085\\u2028\\u2029]*",
  "[\\S]+": "[^\\t\\n\\x0B\\f\\r ]+",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]*",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r *]+",
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\x0B\\f\\r ]+",
  "[\\w\\s+=,.@-]+": "[\\w\\t\\n\\x0B\\f\\r +=,.@-]+",
  "[\\w\\s+=.@-]+": "[\\w\\t\\n\\x0B\\f\\r +=.@-]+",
  "^arn\\:(aws|aws-us-gov|aws-eusc)\\:secretsmanager\\:([\\d\\w\\-]+):(\\d{12})\\:secret\\/[\\w+=\\/,.@\\-]+$": "^arn:(aws|aws-us-gov|aws-eusc):secretsmanager:([\\d\\w\\-]+):(\\d{12}):secret\\/[\\w+=\\/,.@\\-]+$",
  "^https://[^\\s]+$": "^https://[^\\t\\n\\x0B\\f\\r ]+$",
};

export type OperationName =
  | "AddCustomAttributes"
  | "AddUserPoolClientSecret"
  | "AdminAddUserToGroup"
  | "AdminConfirmSignUp"
  | "AdminCreateUser"
  | "AdminDeleteSoftwareToken"
  | "AdminDeleteUser"
  | "AdminDeleteUserAttributes"
  | "AdminDisableProviderForUser"
  | "AdminDisableUser"
  | "AdminEnableUser"
  | "AdminForgetDevice"
  | "AdminGetDevice"
  | "AdminGetUser"
  | "AdminGetUserAuthFactors"
  | "AdminInitiateAuth"
  | "AdminLinkProviderForUser"
  | "AdminListDevices"
  | "AdminListGroupsForUser"
  | "AdminListUserAuthEvents"
  | "AdminListUserSessions"
  | "AdminRemoveUserFromGroup"
  | "AdminResetUserPassword"
  | "AdminRespondToAuthChallenge"
  | "AdminRevokeUserSession"
  | "AdminSetUserMFAPreference"
  | "AdminSetUserPassword"
  | "AdminSetUserSettings"
  | "AdminUpdateAuthEventFeedback"
  | "AdminUpdateDeviceStatus"
  | "AdminUpdateUserAttributes"
  | "AdminUserGlobalSignOut"
  | "AssociateSoftwareToken"
  | "CancelPointInTimeRecovery"
  | "ChangePassword"
  | "CompleteWebAuthnRegistration"
  | "ConfirmDevice"
  | "ConfirmForgotPassword"
  | "ConfirmSignUp"
  | "CreateCIMDPolicy"
  | "CreateGroup"
  | "CreateIdentityProvider"
  | "CreateManagedLoginBranding"
  | "CreateResourceServer"
  | "CreateTerms"
  | "CreateUserImportJob"
  | "CreateUserPool"
  | "CreateUserPoolClient"
  | "CreateUserPoolDomain"
  | "CreateUserPoolReplica"
  | "DeleteCIMDPolicy"
  | "DeleteGroup"
  | "DeleteIdentityProvider"
  | "DeleteManagedLoginBranding"
  | "DeleteResourceServer"
  | "DeleteTerms"
  | "DeleteUser"
  | "DeleteUserAttributes"
  | "DeleteUserPool"
  | "DeleteUserPoolClient"
  | "DeleteUserPoolClientSecret"
  | "DeleteUserPoolDomain"
  | "DeleteUserPoolReplica"
  | "DeleteWebAuthnCredential"
  | "DescribeCIMDPolicy"
  | "DescribeIdentityProvider"
  | "DescribeManagedLoginBranding"
  | "DescribeManagedLoginBrandingByClient"
  | "DescribePointInTimeRecovery"
  | "DescribeResourceServer"
  | "DescribeRiskConfiguration"
  | "DescribeTerms"
  | "DescribeTermsByClient"
  | "DescribeUserImportJob"
  | "DescribeUserPool"
  | "DescribeUserPoolClient"
  | "DescribeUserPoolDomain"
  | "ForgetDevice"
  | "ForgotPassword"
  | "GetCSVHeader"
  | "GetClientToken"
  | "GetDerivedToken"
  | "GetDevice"
  | "GetGroup"
  | "GetIdentityProviderByIdentifier"
  | "GetLogDeliveryConfiguration"
  | "GetProvisionedLimit"
  | "GetSigningCertificate"
  | "GetTokensFromRefreshToken"
  | "GetUICustomization"
  | "GetUser"
  | "GetUserAttributeVerificationCode"
  | "GetUserAuthFactors"
  | "GetUserPoolClientSessionConfiguration"
  | "GetUserPoolMfaConfig"
  | "GetUserPoolSessionConfiguration"
  | "GlobalSignOut"
  | "InitiateAuth"
  | "InitiatePointInTimeRecovery"
  | "ListCIMDPolicies"
  | "ListClientMetadataURLs"
  | "ListDevices"
  | "ListGroups"
  | "ListIdentityProviders"
  | "ListPointInTimeRecoveries"
  | "ListResourceServers"
  | "ListTagsForResource"
  | "ListTerms"
  | "ListUserImportJobs"
  | "ListUserPoolClientSecrets"
  | "ListUserPoolClients"
  | "ListUserPoolReplicas"
  | "ListUserPools"
  | "ListUserSessions"
  | "ListUsers"
  | "ListUsersInGroup"
  | "ListWebAuthnCredentials"
  | "ResendConfirmationCode"
  | "RespondToAuthChallenge"
  | "RevokeToken"
  | "RevokeUserSession"
  | "SetLogDeliveryConfiguration"
  | "SetRiskConfiguration"
  | "SetUICustomization"
  | "SetUserMFAPreference"
  | "SetUserPoolClientSessionConfiguration"
  | "SetUserPoolMfaConfig"
  | "SetUserPoolSessionConfiguration"
  | "SetUserSettings"
  | "SignUp"
  | "StartPointInTimeRecovery"
  | "StartUserImportJob"
  | "StartWebAuthnRegistration"
  | "StopUserImportJob"
  | "TagResource"
  | "UntagResource"
  | "UpdateAuthEventFeedback"
  | "UpdateCIMDPolicy"
  | "UpdateClientMetadataURLState"
  | "UpdateDeviceStatus"
  | "UpdateGroup"
  | "UpdateIdentityProvider"
  | "UpdateManagedLoginBranding"
  | "UpdateProvisionedLimit"
  | "UpdateResourceServer"
  | "UpdateTerms"
  | "UpdateUserAttributes"
  | "UpdateUserPool"
  | "UpdateUserPoolClient"
  | "UpdateUserPoolDomain"
  | "UpdateUserPoolReplica"
  | "VerifySoftwareToken"
  | "VerifyUserAttribute";

/** auth is "none" for the public operations (authtype none / smithy.api#noAuth), else "iam". */
export const operations: Record<OperationName, { input?: string; output?: string; errors: string[]; auth: "none" | "iam" }> = {
  AddCustomAttributes: { input: "AddCustomAttributesRequest", output: "AddCustomAttributesResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "UserImportInProgressException", "InternalErrorException"], auth: "iam" },
  AddUserPoolClientSecret: { input: "AddUserPoolClientSecretRequest", output: "AddUserPoolClientSecretResponse", errors: ["InvalidParameterException", "InternalServerException", "TooManyRequestsException", "LimitExceededException", "AccessDeniedException", "ResourceNotFoundException"], auth: "iam" },
  AdminAddUserToGroup: { input: "AdminAddUserToGroupRequest", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminConfirmSignUp: { input: "AdminConfirmSignUpRequest", output: "AdminConfirmSignUpResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "TooManyFailedAttemptsException", "InvalidLambdaResponseException", "TooManyRequestsException", "LimitExceededException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminCreateUser: { input: "AdminCreateUserRequest", output: "AdminCreateUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UserNotFoundException", "UsernameExistsException", "InvalidPasswordException", "CodeDeliveryFailureException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "PreconditionNotMetException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "TooManyRequestsException", "NotAuthorizedException", "UnsupportedUserStateException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminDeleteSoftwareToken: { input: "AdminDeleteSoftwareTokenRequest", output: "AdminDeleteSoftwareTokenResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminDeleteUser: { input: "AdminDeleteUserRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminDeleteUserAttributes: { input: "AdminDeleteUserAttributesRequest", output: "AdminDeleteUserAttributesResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminDisableProviderForUser: { input: "AdminDisableProviderForUserRequest", output: "AdminDisableProviderForUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "AliasExistsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminDisableUser: { input: "AdminDisableUserRequest", output: "AdminDisableUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminEnableUser: { input: "AdminEnableUserRequest", output: "AdminEnableUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminForgetDevice: { input: "AdminForgetDeviceRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "UserNotFoundException", "InternalErrorException"], auth: "iam" },
  AdminGetDevice: { input: "AdminGetDeviceRequest", output: "AdminGetDeviceResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException", "NotAuthorizedException"], auth: "iam" },
  AdminGetUser: { input: "AdminGetUserRequest", output: "AdminGetUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminGetUserAuthFactors: { input: "AdminGetUserAuthFactorsRequest", output: "AdminGetUserAuthFactorsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "OperationNotEnabledException", "TooManyRequestsException", "UserNotFoundException", "InternalErrorException"], auth: "iam" },
  AdminInitiateAuth: { input: "AdminInitiateAuthRequest", output: "AdminInitiateAuthResponse", errors: ["ResourceNotFoundException", "UnsupportedOperationException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException", "UnexpectedLambdaException", "InvalidUserPoolConfigurationException", "UserLambdaValidationException", "InvalidLambdaResponseException", "MFAMethodNotFoundException", "InvalidSmsRoleAccessPolicyException", "InvalidEmailRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "FeatureUnavailableInTierException"], auth: "iam" },
  AdminLinkProviderForUser: { input: "AdminLinkProviderForUserRequest", output: "AdminLinkProviderForUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "AliasExistsException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminListDevices: { input: "AdminListDevicesRequest", output: "AdminListDevicesResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException", "NotAuthorizedException"], auth: "iam" },
  AdminListGroupsForUser: { input: "AdminListGroupsForUserRequest", output: "AdminListGroupsForUserResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminListUserAuthEvents: { input: "AdminListUserAuthEventsRequest", output: "AdminListUserAuthEventsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "UserPoolAddOnNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminListUserSessions: { input: "AdminListUserSessionsRequest", output: "AdminListUserSessionsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminRemoveUserFromGroup: { input: "AdminRemoveUserFromGroupRequest", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminResetUserPassword: { input: "AdminResetUserPasswordRequest", output: "AdminResetUserPasswordResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "InvalidLambdaResponseException", "TooManyRequestsException", "LimitExceededException", "UserNotFoundException", "InvalidSmsRoleAccessPolicyException", "InvalidEmailRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminRespondToAuthChallenge: { input: "AdminRespondToAuthChallengeRequest", output: "AdminRespondToAuthChallengeResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "CodeMismatchException", "ExpiredCodeException", "UnexpectedLambdaException", "InvalidPasswordException", "PasswordHistoryPolicyViolationException", "UserLambdaValidationException", "InvalidLambdaResponseException", "TooManyRequestsException", "InvalidUserPoolConfigurationException", "InternalErrorException", "MFAMethodNotFoundException", "InvalidEmailRoleAccessPolicyException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "AliasExistsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "SoftwareTokenMFANotFoundException", "OperationNotEnabledException"], auth: "iam" },
  AdminRevokeUserSession: { input: "AdminRevokeUserSessionRequest", output: "AdminRevokeUserSessionResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminSetUserMFAPreference: { input: "AdminSetUserMFAPreferenceRequest", output: "AdminSetUserMFAPreferenceResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminSetUserPassword: { input: "AdminSetUserPasswordRequest", output: "AdminSetUserPasswordResponse", errors: ["ResourceNotFoundException", "NotAuthorizedException", "UserNotFoundException", "InternalErrorException", "TooManyRequestsException", "InvalidParameterException", "InvalidPasswordException", "PasswordHistoryPolicyViolationException", "OperationNotEnabledException"], auth: "iam" },
  AdminSetUserSettings: { input: "AdminSetUserSettingsRequest", output: "AdminSetUserSettingsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminUpdateAuthEventFeedback: { input: "AdminUpdateAuthEventFeedbackRequest", output: "AdminUpdateAuthEventFeedbackResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "UserPoolAddOnNotEnabledException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AdminUpdateDeviceStatus: { input: "AdminUpdateDeviceStatusRequest", output: "AdminUpdateDeviceStatusResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "UserNotFoundException", "InternalErrorException"], auth: "iam" },
  AdminUpdateUserAttributes: { input: "AdminUpdateUserAttributesRequest", output: "AdminUpdateUserAttributesResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "AliasExistsException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "InternalErrorException", "InvalidSmsRoleAccessPolicyException", "InvalidEmailRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "OperationNotEnabledException"], auth: "iam" },
  AdminUserGlobalSignOut: { input: "AdminUserGlobalSignOutRequest", output: "AdminUserGlobalSignOutResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  AssociateSoftwareToken: { input: "AssociateSoftwareTokenRequest", output: "AssociateSoftwareTokenResponse", errors: ["ConcurrentModificationException", "InvalidParameterException", "NotAuthorizedException", "ResourceNotFoundException", "InternalErrorException", "SoftwareTokenMFANotFoundException", "ForbiddenException", "OperationNotEnabledException"], auth: "none" },
  CancelPointInTimeRecovery: { input: "CancelPointInTimeRecoveryRequest", output: "CancelPointInTimeRecoveryResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "FeatureUnavailableInTierException", "ConcurrentModificationException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ChangePassword: { input: "ChangePasswordRequest", output: "ChangePasswordResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "InvalidPasswordException", "PasswordHistoryPolicyViolationException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  CompleteWebAuthnRegistration: { input: "CompleteWebAuthnRegistrationRequest", output: "CompleteWebAuthnRegistrationResponse", errors: ["ForbiddenException", "InternalErrorException", "InvalidParameterException", "LimitExceededException", "NotAuthorizedException", "TooManyRequestsException", "WebAuthnNotEnabledException", "WebAuthnChallengeNotFoundException", "WebAuthnRelyingPartyMismatchException", "WebAuthnClientMismatchException", "WebAuthnOriginNotAllowedException", "PasswordResetRequiredException", "WebAuthnCredentialNotSupportedException", "OperationNotEnabledException"], auth: "none" },
  ConfirmDevice: { input: "ConfirmDeviceRequest", output: "ConfirmDeviceResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "InvalidPasswordException", "InvalidLambdaResponseException", "UsernameExistsException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "InternalErrorException", "OperationNotEnabledException", "DeviceKeyExistsException", "ForbiddenException"], auth: "none" },
  ConfirmForgotPassword: { input: "ConfirmForgotPasswordRequest", output: "ConfirmForgotPasswordResponse", errors: ["ResourceNotFoundException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidParameterException", "InvalidPasswordException", "PasswordHistoryPolicyViolationException", "NotAuthorizedException", "CodeMismatchException", "ExpiredCodeException", "TooManyFailedAttemptsException", "InvalidLambdaResponseException", "TooManyRequestsException", "LimitExceededException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  ConfirmSignUp: { input: "ConfirmSignUpRequest", output: "ConfirmSignUpResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "TooManyFailedAttemptsException", "CodeMismatchException", "ExpiredCodeException", "InvalidLambdaResponseException", "AliasExistsException", "TooManyRequestsException", "LimitExceededException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  CreateCIMDPolicy: { input: "CreateCIMDPolicyRequest", output: "CreateCIMDPolicyResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "ConcurrentModificationException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  CreateGroup: { input: "CreateGroupRequest", output: "CreateGroupResponse", errors: ["InvalidParameterException", "GroupExistsException", "ResourceNotFoundException", "TooManyRequestsException", "LimitExceededException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  CreateIdentityProvider: { input: "CreateIdentityProviderRequest", output: "CreateIdentityProviderResponse", errors: ["InvalidParameterException", "DuplicateProviderException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "InternalErrorException"], auth: "iam" },
  CreateManagedLoginBranding: { input: "CreateManagedLoginBrandingRequest", output: "CreateManagedLoginBrandingResponse", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "ManagedLoginBrandingExistsException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  CreateResourceServer: { input: "CreateResourceServerRequest", output: "CreateResourceServerResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  CreateTerms: { input: "CreateTermsRequest", output: "CreateTermsResponse", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "TermsExistsException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  CreateUserImportJob: { input: "CreateUserImportJobRequest", output: "CreateUserImportJobResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "PreconditionNotMetException", "NotAuthorizedException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  CreateUserPool: { input: "CreateUserPoolRequest", output: "CreateUserPoolResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "LimitExceededException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "NotAuthorizedException", "UserPoolTaggingException", "InternalErrorException", "TierChangeNotAllowedException", "FeatureUnavailableInTierException"], auth: "iam" },
  CreateUserPoolClient: { input: "CreateUserPoolClientRequest", output: "CreateUserPoolClientResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "LimitExceededException", "NotAuthorizedException", "ScopeDoesNotExistException", "InvalidOAuthFlowException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  CreateUserPoolDomain: { input: "CreateUserPoolDomainRequest", output: "CreateUserPoolDomainResponse", errors: ["InvalidParameterException", "NotAuthorizedException", "ConcurrentModificationException", "ResourceNotFoundException", "LimitExceededException", "InternalErrorException", "OperationNotEnabledException", "FeatureUnavailableInTierException"], auth: "iam" },
  CreateUserPoolReplica: { input: "CreateUserPoolReplicaRequest", output: "CreateUserPoolReplicaResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "LimitExceededException", "NotAuthorizedException", "UserPoolTaggingException", "OperationNotEnabledException", "InternalErrorException", "ResourceNotFoundException", "FeatureUnavailableInTierException"], auth: "iam" },
  DeleteCIMDPolicy: { input: "DeleteCIMDPolicyRequest", output: "DeleteCIMDPolicyResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "ConcurrentModificationException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteGroup: { input: "DeleteGroupRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteIdentityProvider: { input: "DeleteIdentityProviderRequest", errors: ["InvalidParameterException", "UnsupportedIdentityProviderException", "ConcurrentModificationException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  DeleteManagedLoginBranding: { input: "DeleteManagedLoginBrandingRequest", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteResourceServer: { input: "DeleteResourceServerRequest", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteTerms: { input: "DeleteTermsRequest", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteUser: { input: "DeleteUserRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  DeleteUserAttributes: { input: "DeleteUserAttributesRequest", output: "DeleteUserAttributesResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  DeleteUserPool: { input: "DeleteUserPoolRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserImportInProgressException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteUserPoolClient: { input: "DeleteUserPoolClientRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "ConcurrentModificationException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteUserPoolClientSecret: { input: "DeleteUserPoolClientSecretRequest", output: "DeleteUserPoolClientSecretResponse", errors: ["InvalidParameterException", "InternalServerException", "TooManyRequestsException", "LimitExceededException", "ResourceNotFoundException"], auth: "iam" },
  DeleteUserPoolDomain: { input: "DeleteUserPoolDomainRequest", output: "DeleteUserPoolDomainResponse", errors: ["NotAuthorizedException", "InvalidParameterException", "ConcurrentModificationException", "ResourceNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DeleteUserPoolReplica: { input: "DeleteUserPoolReplicaRequest", output: "DeleteUserPoolReplicaResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException", "ResourceNotFoundException"], auth: "iam" },
  DeleteWebAuthnCredential: { input: "DeleteWebAuthnCredentialRequest", output: "DeleteWebAuthnCredentialResponse", errors: ["ForbiddenException", "InternalErrorException", "InvalidParameterException", "TooManyRequestsException", "LimitExceededException", "PasswordResetRequiredException", "NotAuthorizedException", "ResourceNotFoundException", "OperationNotEnabledException"], auth: "none" },
  DescribeCIMDPolicy: { input: "DescribeCIMDPolicyRequest", output: "DescribeCIMDPolicyResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  DescribeIdentityProvider: { input: "DescribeIdentityProviderRequest", output: "DescribeIdentityProviderResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  DescribeManagedLoginBranding: { input: "DescribeManagedLoginBrandingRequest", output: "DescribeManagedLoginBrandingResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeManagedLoginBrandingByClient: { input: "DescribeManagedLoginBrandingByClientRequest", output: "DescribeManagedLoginBrandingByClientResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribePointInTimeRecovery: { input: "DescribePointInTimeRecoveryRequest", output: "DescribePointInTimeRecoveryResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "FeatureUnavailableInTierException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeResourceServer: { input: "DescribeResourceServerRequest", output: "DescribeResourceServerResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeRiskConfiguration: { input: "DescribeRiskConfigurationRequest", output: "DescribeRiskConfigurationResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserPoolAddOnNotEnabledException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeTerms: { input: "DescribeTermsRequest", output: "DescribeTermsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeTermsByClient: { input: "DescribeTermsByClientRequest", output: "DescribeTermsByClientResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeUserImportJob: { input: "DescribeUserImportJobRequest", output: "DescribeUserImportJobResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeUserPool: { input: "DescribeUserPoolRequest", output: "DescribeUserPoolResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserPoolTaggingException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  DescribeUserPoolClient: { input: "DescribeUserPoolClientRequest", output: "DescribeUserPoolClientResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "OperationNotEnabledException", "NotAuthorizedException", "InternalErrorException"], auth: "iam" },
  DescribeUserPoolDomain: { input: "DescribeUserPoolDomainRequest", output: "DescribeUserPoolDomainResponse", errors: ["NotAuthorizedException", "InvalidParameterException", "ResourceNotFoundException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ForgetDevice: { input: "ForgetDeviceRequest", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "InvalidUserPoolConfigurationException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  ForgotPassword: { input: "ForgotPasswordRequest", output: "ForgotPasswordResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "InvalidLambdaResponseException", "TooManyRequestsException", "LimitExceededException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "CodeDeliveryFailureException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  GetCSVHeader: { input: "GetCSVHeaderRequest", output: "GetCSVHeaderResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  GetClientToken: { input: "GetClientTokenRequest", output: "GetClientTokenResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException", "OperationNotEnabledException", "ForbiddenException"], auth: "iam" },
  GetDerivedToken: { input: "GetDerivedTokenRequest", output: "GetDerivedTokenResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "UserNotFoundException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "InternalErrorException", "OperationNotEnabledException", "ForbiddenException"], auth: "iam" },
  GetDevice: { input: "GetDeviceRequest", output: "GetDeviceResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "InvalidUserPoolConfigurationException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  GetGroup: { input: "GetGroupRequest", output: "GetGroupResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  GetIdentityProviderByIdentifier: { input: "GetIdentityProviderByIdentifierRequest", output: "GetIdentityProviderByIdentifierResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  GetLogDeliveryConfiguration: { input: "GetLogDeliveryConfigurationRequest", output: "GetLogDeliveryConfigurationResponse", errors: ["InvalidParameterException", "InternalErrorException", "TooManyRequestsException", "NotAuthorizedException", "ResourceNotFoundException"], auth: "iam" },
  GetProvisionedLimit: { input: "GetProvisionedLimitRequest", output: "GetProvisionedLimitResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  GetSigningCertificate: { input: "GetSigningCertificateRequest", output: "GetSigningCertificateResponse", errors: ["InternalErrorException", "InvalidParameterException", "ResourceNotFoundException", "OperationNotEnabledException"], auth: "iam" },
  GetTokensFromRefreshToken: { input: "GetTokensFromRefreshTokenRequest", output: "GetTokensFromRefreshTokenResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "UserNotFoundException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "ForbiddenException", "RefreshTokenReuseException", "OperationNotEnabledException", "InternalErrorException"], auth: "none" },
  GetUICustomization: { input: "GetUICustomizationRequest", output: "GetUICustomizationResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "OperationNotEnabledException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  GetUser: { input: "GetUserRequest", output: "GetUserResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  GetUserAttributeVerificationCode: { input: "GetUserAttributeVerificationCodeRequest", output: "GetUserAttributeVerificationCodeResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "CodeDeliveryFailureException", "LimitExceededException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  GetUserAuthFactors: { input: "GetUserAuthFactorsRequest", output: "GetUserAuthFactorsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  GetUserPoolClientSessionConfiguration: { input: "GetUserPoolClientSessionConfigurationRequest", output: "GetUserPoolClientSessionConfigurationResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ResourceNotFoundException", "NotAuthorizedException", "InternalErrorException", "OperationNotEnabledException"], auth: "iam" },
  GetUserPoolMfaConfig: { input: "GetUserPoolMfaConfigRequest", output: "GetUserPoolMfaConfigResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ResourceNotFoundException", "NotAuthorizedException", "InternalErrorException"], auth: "iam" },
  GetUserPoolSessionConfiguration: { input: "GetUserPoolSessionConfigurationRequest", output: "GetUserPoolSessionConfigurationResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ResourceNotFoundException", "NotAuthorizedException", "InternalErrorException", "OperationNotEnabledException"], auth: "iam" },
  GlobalSignOut: { input: "GlobalSignOutRequest", output: "GlobalSignOutResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  InitiateAuth: { input: "InitiateAuthRequest", output: "InitiateAuthResponse", errors: ["UnsupportedOperationException", "ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "TooManyRequestsException", "UnexpectedLambdaException", "InvalidUserPoolConfigurationException", "UserLambdaValidationException", "InvalidLambdaResponseException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "InternalErrorException", "InvalidSmsRoleAccessPolicyException", "InvalidEmailRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "OperationNotEnabledException", "FeatureUnavailableInTierException", "ForbiddenException"], auth: "none" },
  InitiatePointInTimeRecovery: { input: "InitiatePointInTimeRecoveryRequest", output: "InitiatePointInTimeRecoveryResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "ConcurrentModificationException", "FeatureUnavailableInTierException", "LimitExceededException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListCIMDPolicies: { input: "ListCIMDPoliciesRequest", output: "ListCIMDPoliciesResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  ListClientMetadataURLs: { input: "ListClientMetadataURLsRequest", output: "ListClientMetadataURLsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  ListDevices: { input: "ListDevicesRequest", output: "ListDevicesResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  ListGroups: { input: "ListGroupsRequest", output: "ListGroupsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListIdentityProviders: { input: "ListIdentityProvidersRequest", output: "ListIdentityProvidersResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  ListPointInTimeRecoveries: { input: "ListPointInTimeRecoveriesRequest", output: "ListPointInTimeRecoveriesResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "FeatureUnavailableInTierException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListResourceServers: { input: "ListResourceServersRequest", output: "ListResourceServersResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListTagsForResource: { input: "ListTagsForResourceRequest", output: "ListTagsForResourceResponse", errors: ["ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InvalidParameterException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListTerms: { input: "ListTermsRequest", output: "ListTermsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListUserImportJobs: { input: "ListUserImportJobsRequest", output: "ListUserImportJobsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListUserPoolClientSecrets: { input: "ListUserPoolClientSecretsRequest", output: "ListUserPoolClientSecretsResponse", errors: ["InvalidParameterException", "InternalServerException", "TooManyRequestsException", "LimitExceededException", "ResourceNotFoundException"], auth: "iam" },
  ListUserPoolClients: { input: "ListUserPoolClientsRequest", output: "ListUserPoolClientsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListUserPoolReplicas: { input: "ListUserPoolReplicasRequest", output: "ListUserPoolReplicasResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException", "ResourceNotFoundException"], auth: "iam" },
  ListUserPools: { input: "ListUserPoolsRequest", output: "ListUserPoolsResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "InternalErrorException"], auth: "iam" },
  ListUserSessions: { input: "ListUserSessionsRequest", output: "ListUserSessionsResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  ListUsers: { input: "ListUsersRequest", output: "ListUsersResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListUsersInGroup: { input: "ListUsersInGroupRequest", output: "ListUsersInGroupResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  ListWebAuthnCredentials: { input: "ListWebAuthnCredentialsRequest", output: "ListWebAuthnCredentialsResponse", errors: ["ForbiddenException", "InternalErrorException", "InvalidParameterException", "TooManyRequestsException", "LimitExceededException", "PasswordResetRequiredException", "NotAuthorizedException", "OperationNotEnabledException"], auth: "none" },
  ResendConfirmationCode: { input: "ResendConfirmationCodeRequest", output: "ResendConfirmationCodeResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "InvalidLambdaResponseException", "TooManyRequestsException", "LimitExceededException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "CodeDeliveryFailureException", "UserNotFoundException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  RespondToAuthChallenge: { input: "RespondToAuthChallengeRequest", output: "RespondToAuthChallengeResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "CodeMismatchException", "ExpiredCodeException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidPasswordException", "PasswordHistoryPolicyViolationException", "InvalidLambdaResponseException", "TooManyRequestsException", "InvalidUserPoolConfigurationException", "MFAMethodNotFoundException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "AliasExistsException", "InternalErrorException", "SoftwareTokenMFANotFoundException", "ForbiddenException", "OperationNotEnabledException"], auth: "none" },
  RevokeToken: { input: "RevokeTokenRequest", output: "RevokeTokenResponse", errors: ["TooManyRequestsException", "InternalErrorException", "UnauthorizedException", "InvalidParameterException", "UnsupportedOperationException", "UnsupportedTokenTypeException", "ForbiddenException", "OperationNotEnabledException"], auth: "none" },
  RevokeUserSession: { input: "RevokeUserSessionRequest", output: "RevokeUserSessionResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  SetLogDeliveryConfiguration: { input: "SetLogDeliveryConfigurationRequest", output: "SetLogDeliveryConfigurationResponse", errors: ["InvalidParameterException", "InternalErrorException", "TooManyRequestsException", "NotAuthorizedException", "ResourceNotFoundException", "FeatureUnavailableInTierException"], auth: "iam" },
  SetRiskConfiguration: { input: "SetRiskConfigurationRequest", output: "SetRiskConfigurationResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "UserPoolAddOnNotEnabledException", "CodeDeliveryFailureException", "InvalidEmailRoleAccessPolicyException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  SetUICustomization: { input: "SetUICustomizationRequest", output: "SetUICustomizationResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  SetUserMFAPreference: { input: "SetUserMFAPreferenceRequest", output: "SetUserMFAPreferenceResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  SetUserPoolClientSessionConfiguration: { input: "SetUserPoolClientSessionConfigurationRequest", output: "SetUserPoolClientSessionConfigurationResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ConcurrentModificationException", "ResourceNotFoundException", "NotAuthorizedException", "InternalErrorException", "FeatureUnavailableInTierException", "OperationNotEnabledException"], auth: "iam" },
  SetUserPoolMfaConfig: { input: "SetUserPoolMfaConfigRequest", output: "SetUserPoolMfaConfigResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ConcurrentModificationException", "ResourceNotFoundException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  SetUserPoolSessionConfiguration: { input: "SetUserPoolSessionConfigurationRequest", output: "SetUserPoolSessionConfigurationResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "ConcurrentModificationException", "ResourceNotFoundException", "NotAuthorizedException", "InternalErrorException", "FeatureUnavailableInTierException", "OperationNotEnabledException"], auth: "iam" },
  SetUserSettings: { input: "SetUserSettingsRequest", output: "SetUserSettingsResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "NotAuthorizedException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  SignUp: { input: "SignUpRequest", output: "SignUpResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "UnexpectedLambdaException", "UserLambdaValidationException", "NotAuthorizedException", "InvalidPasswordException", "InvalidLambdaResponseException", "UsernameExistsException", "TooManyRequestsException", "InternalErrorException", "LimitExceededException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "CodeDeliveryFailureException", "OperationNotEnabledException", "ForbiddenException"], auth: "none" },
  StartPointInTimeRecovery: { input: "StartPointInTimeRecoveryRequest", output: "StartPointInTimeRecoveryResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "FeatureUnavailableInTierException", "ConcurrentModificationException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  StartUserImportJob: { input: "StartUserImportJobRequest", output: "StartUserImportJobResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "InternalErrorException", "PreconditionNotMetException", "OperationNotEnabledException", "NotAuthorizedException"], auth: "iam" },
  StartWebAuthnRegistration: { input: "StartWebAuthnRegistrationRequest", output: "StartWebAuthnRegistrationResponse", errors: ["ForbiddenException", "InternalErrorException", "InvalidParameterException", "LimitExceededException", "NotAuthorizedException", "TooManyRequestsException", "WebAuthnNotEnabledException", "PasswordResetRequiredException", "WebAuthnConfigurationMissingException", "OperationNotEnabledException"], auth: "none" },
  StopUserImportJob: { input: "StopUserImportJobRequest", output: "StopUserImportJobResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "InternalErrorException", "PreconditionNotMetException", "OperationNotEnabledException", "NotAuthorizedException"], auth: "iam" },
  TagResource: { input: "TagResourceRequest", output: "TagResourceResponse", errors: ["ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InvalidParameterException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UntagResource: { input: "UntagResourceRequest", output: "UntagResourceResponse", errors: ["ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "InvalidParameterException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UpdateAuthEventFeedback: { input: "UpdateAuthEventFeedbackRequest", output: "UpdateAuthEventFeedbackResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "TooManyRequestsException", "NotAuthorizedException", "UserNotFoundException", "UserPoolAddOnNotEnabledException", "OperationNotEnabledException", "InternalErrorException"], auth: "none" },
  UpdateCIMDPolicy: { input: "UpdateCIMDPolicyRequest", output: "UpdateCIMDPolicyResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "ConcurrentModificationException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  UpdateClientMetadataURLState: { input: "UpdateClientMetadataURLStateRequest", output: "UpdateClientMetadataURLStateResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "CachedCIMDURLDoesNotExistException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  UpdateDeviceStatus: { input: "UpdateDeviceStatusRequest", output: "UpdateDeviceStatusResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "InvalidUserPoolConfigurationException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  UpdateGroup: { input: "UpdateGroupRequest", output: "UpdateGroupResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UpdateIdentityProvider: { input: "UpdateIdentityProviderRequest", output: "UpdateIdentityProviderResponse", errors: ["InvalidParameterException", "UnsupportedIdentityProviderException", "ResourceNotFoundException", "ConcurrentModificationException", "NotAuthorizedException", "TooManyRequestsException", "InternalErrorException"], auth: "iam" },
  UpdateManagedLoginBranding: { input: "UpdateManagedLoginBrandingRequest", output: "UpdateManagedLoginBrandingResponse", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UpdateProvisionedLimit: { input: "UpdateProvisionedLimitRequest", output: "UpdateProvisionedLimitResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "ServiceQuotaExceededException", "InternalErrorException"], auth: "iam" },
  UpdateResourceServer: { input: "UpdateResourceServerRequest", output: "UpdateResourceServerResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "NotAuthorizedException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UpdateTerms: { input: "UpdateTermsRequest", output: "UpdateTermsResponse", errors: ["ResourceNotFoundException", "ConcurrentModificationException", "TermsExistsException", "InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException"], auth: "iam" },
  UpdateUserAttributes: { input: "UpdateUserAttributesRequest", output: "UpdateUserAttributesResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "CodeMismatchException", "ExpiredCodeException", "NotAuthorizedException", "UnexpectedLambdaException", "UserLambdaValidationException", "InvalidLambdaResponseException", "TooManyRequestsException", "AliasExistsException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "InvalidEmailRoleAccessPolicyException", "CodeDeliveryFailureException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "ForbiddenException"], auth: "none" },
  UpdateUserPool: { input: "UpdateUserPoolRequest", output: "UpdateUserPoolResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "ConcurrentModificationException", "TooManyRequestsException", "NotAuthorizedException", "UserImportInProgressException", "InternalErrorException", "InvalidSmsRoleAccessPolicyException", "InvalidSmsRoleTrustRelationshipException", "UserPoolTaggingException", "InvalidEmailRoleAccessPolicyException", "OperationNotEnabledException", "TierChangeNotAllowedException", "FeatureUnavailableInTierException"], auth: "iam" },
  UpdateUserPoolClient: { input: "UpdateUserPoolClientRequest", output: "UpdateUserPoolClientResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "ConcurrentModificationException", "TooManyRequestsException", "NotAuthorizedException", "ScopeDoesNotExistException", "InvalidOAuthFlowException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  UpdateUserPoolDomain: { input: "UpdateUserPoolDomainRequest", output: "UpdateUserPoolDomainResponse", errors: ["InvalidParameterException", "NotAuthorizedException", "ConcurrentModificationException", "ResourceNotFoundException", "TooManyRequestsException", "OperationNotEnabledException", "InternalErrorException", "FeatureUnavailableInTierException"], auth: "iam" },
  UpdateUserPoolReplica: { input: "UpdateUserPoolReplicaRequest", output: "UpdateUserPoolReplicaResponse", errors: ["InvalidParameterException", "TooManyRequestsException", "NotAuthorizedException", "OperationNotEnabledException", "InternalErrorException", "ResourceNotFoundException"], auth: "iam" },
  VerifySoftwareToken: { input: "VerifySoftwareTokenRequest", output: "VerifySoftwareTokenResponse", errors: ["InvalidParameterException", "ResourceNotFoundException", "InvalidUserPoolConfigurationException", "NotAuthorizedException", "TooManyRequestsException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "InternalErrorException", "EnableSoftwareTokenMFAException", "NotAuthorizedException", "SoftwareTokenMFANotFoundException", "CodeMismatchException", "ForbiddenException", "OperationNotEnabledException"], auth: "none" },
  VerifyUserAttribute: { input: "VerifyUserAttributeRequest", output: "VerifyUserAttributeResponse", errors: ["ResourceNotFoundException", "InvalidParameterException", "CodeMismatchException", "ExpiredCodeException", "NotAuthorizedException", "TooManyRequestsException", "LimitExceededException", "PasswordResetRequiredException", "UserNotFoundException", "UserNotConfirmedException", "OperationNotEnabledException", "InternalErrorException", "AliasExistsException", "ForbiddenException"], auth: "none" },
};

/** An error answered as `{"__type": type, "message": message}` with the given HTTP status. */
export class CognitoError extends Error {
  readonly type: string;
  readonly statusCode: number;
  constructor(type: string, message: string, statusCode = 400) {
    super(message);
    this.name = type;
    this.type = type;
    this.statusCode = statusCode;
  }
}

export class AccessDeniedException extends CognitoError {
  constructor(message: string) {
    super("AccessDeniedException", message, 400);
  }
}

export class AliasExistsException extends CognitoError {
  constructor(message: string) {
    super("AliasExistsException", message, 400);
  }
}

export class CachedCIMDURLDoesNotExistException extends CognitoError {
  constructor(message: string) {
    super("CachedCIMDURLDoesNotExistException", message, 400);
  }
}

export class CodeDeliveryFailureException extends CognitoError {
  constructor(message: string) {
    super("CodeDeliveryFailureException", message, 400);
  }
}

export class CodeMismatchException extends CognitoError {
  constructor(message: string) {
    super("CodeMismatchException", message, 400);
  }
}

export class ConcurrentModificationException extends CognitoError {
  constructor(message: string) {
    super("ConcurrentModificationException", message, 400);
  }
}

export class DeviceKeyExistsException extends CognitoError {
  constructor(message: string) {
    super("DeviceKeyExistsException", message, 400);
  }
}

export class DuplicateProviderException extends CognitoError {
  constructor(message: string) {
    super("DuplicateProviderException", message, 400);
  }
}

export class EnableSoftwareTokenMFAException extends CognitoError {
  constructor(message: string) {
    super("EnableSoftwareTokenMFAException", message, 400);
  }
}

export class ExpiredCodeException extends CognitoError {
  constructor(message: string) {
    super("ExpiredCodeException", message, 400);
  }
}

export class FeatureUnavailableInTierException extends CognitoError {
  constructor(message: string) {
    super("FeatureUnavailableInTierException", message, 400);
  }
}

export class ForbiddenException extends CognitoError {
  constructor(message: string) {
    super("ForbiddenException", message, 400);
  }
}

export class GroupExistsException extends CognitoError {
  constructor(message: string) {
    super("GroupExistsException", message, 400);
  }
}

export class InternalErrorException extends CognitoError {
  constructor(message: string) {
    super("InternalErrorException", message, 500);
  }
}

export class InternalServerException extends CognitoError {
  constructor(message: string) {
    super("InternalServerException", message, 500);
  }
}

export class InvalidEmailRoleAccessPolicyException extends CognitoError {
  constructor(message: string) {
    super("InvalidEmailRoleAccessPolicyException", message, 400);
  }
}

export class InvalidLambdaResponseException extends CognitoError {
  constructor(message: string) {
    super("InvalidLambdaResponseException", message, 400);
  }
}

export class InvalidOAuthFlowException extends CognitoError {
  constructor(message: string) {
    super("InvalidOAuthFlowException", message, 400);
  }
}

export class InvalidParameterException extends CognitoError {
  readonly reasonCode?: string;
  constructor(message: string, reasonCode?: string) {
    super("InvalidParameterException", message, 400);
    if (reasonCode !== undefined) this.reasonCode = reasonCode;
  }
}

export class InvalidPasswordException extends CognitoError {
  constructor(message: string) {
    super("InvalidPasswordException", message, 400);
  }
}

export class InvalidSmsRoleAccessPolicyException extends CognitoError {
  constructor(message: string) {
    super("InvalidSmsRoleAccessPolicyException", message, 400);
  }
}

export class InvalidSmsRoleTrustRelationshipException extends CognitoError {
  constructor(message: string) {
    super("InvalidSmsRoleTrustRelationshipException", message, 400);
  }
}

export class InvalidUserPoolConfigurationException extends CognitoError {
  constructor(message: string) {
    super("InvalidUserPoolConfigurationException", message, 400);
  }
}

export class LimitExceededException extends CognitoError {
  constructor(message: string) {
    super("LimitExceededException", message, 400);
  }
}

export class MFAMethodNotFoundException extends CognitoError {
  constructor(message: string) {
    super("MFAMethodNotFoundException", message, 400);
  }
}

export class ManagedLoginBrandingExistsException extends CognitoError {
  constructor(message: string) {
    super("ManagedLoginBrandingExistsException", message, 400);
  }
}

export class NotAuthorizedException extends CognitoError {
  constructor(message: string) {
    super("NotAuthorizedException", message, 400);
  }
}

export class OperationNotEnabledException extends CognitoError {
  constructor(message: string) {
    super("OperationNotEnabledException", message, 400);
  }
}

export class PasswordHistoryPolicyViolationException extends CognitoError {
  constructor(message: string) {
    super("PasswordHistoryPolicyViolationException", message, 400);
  }
}

export class PasswordResetRequiredException extends CognitoError {
  constructor(message: string) {
    super("PasswordResetRequiredException", message, 400);
  }
}

export class PreconditionNotMetException extends CognitoError {
  constructor(message: string) {
    super("PreconditionNotMetException", message, 400);
  }
}

export class RefreshTokenReuseException extends CognitoError {
  constructor(message: string) {
    super("RefreshTokenReuseException", message, 400);
  }
}

export class ResourceNotFoundException extends CognitoError {
  constructor(message: string) {
    super("ResourceNotFoundException", message, 400);
  }
}

export class ScopeDoesNotExistException extends CognitoError {
  constructor(message: string) {
    super("ScopeDoesNotExistException", message, 400);
  }
}

export class ServiceQuotaExceededException extends CognitoError {
  constructor(message: string) {
    super("ServiceQuotaExceededException", message, 400);
  }
}

export class SoftwareTokenMFANotFoundException extends CognitoError {
  constructor(message: string) {
    super("SoftwareTokenMFANotFoundException", message, 400);
  }
}

export class TermsExistsException extends CognitoError {
  constructor(message: string) {
    super("TermsExistsException", message, 400);
  }
}

export class TierChangeNotAllowedException extends CognitoError {
  constructor(message: string) {
    super("TierChangeNotAllowedException", message, 400);
  }
}

export class TooManyFailedAttemptsException extends CognitoError {
  constructor(message: string) {
    super("TooManyFailedAttemptsException", message, 400);
  }
}

export class TooManyRequestsException extends CognitoError {
  constructor(message: string) {
    super("TooManyRequestsException", message, 400);
  }
}

export class UnauthorizedException extends CognitoError {
  constructor(message: string) {
    super("UnauthorizedException", message, 400);
  }
}

export class UnexpectedLambdaException extends CognitoError {
  constructor(message: string) {
    super("UnexpectedLambdaException", message, 400);
  }
}

export class UnsupportedIdentityProviderException extends CognitoError {
  constructor(message: string) {
    super("UnsupportedIdentityProviderException", message, 400);
  }
}

export class UnsupportedOperationException extends CognitoError {
  constructor(message: string) {
    super("UnsupportedOperationException", message, 400);
  }
}

export class UnsupportedTokenTypeException extends CognitoError {
  constructor(message: string) {
    super("UnsupportedTokenTypeException", message, 400);
  }
}

export class UnsupportedUserStateException extends CognitoError {
  constructor(message: string) {
    super("UnsupportedUserStateException", message, 400);
  }
}

export class UserImportInProgressException extends CognitoError {
  constructor(message: string) {
    super("UserImportInProgressException", message, 400);
  }
}

export class UserLambdaValidationException extends CognitoError {
  constructor(message: string) {
    super("UserLambdaValidationException", message, 400);
  }
}

export class UserNotConfirmedException extends CognitoError {
  constructor(message: string) {
    super("UserNotConfirmedException", message, 400);
  }
}

export class UserNotFoundException extends CognitoError {
  constructor(message: string) {
    super("UserNotFoundException", message, 400);
  }
}

export class UserPoolAddOnNotEnabledException extends CognitoError {
  constructor(message: string) {
    super("UserPoolAddOnNotEnabledException", message, 400);
  }
}

export class UserPoolTaggingException extends CognitoError {
  constructor(message: string) {
    super("UserPoolTaggingException", message, 400);
  }
}

export class UsernameExistsException extends CognitoError {
  constructor(message: string) {
    super("UsernameExistsException", message, 400);
  }
}

export class WebAuthnChallengeNotFoundException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnChallengeNotFoundException", message, 400);
  }
}

export class WebAuthnClientMismatchException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnClientMismatchException", message, 400);
  }
}

export class WebAuthnConfigurationMissingException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnConfigurationMissingException", message, 400);
  }
}

export class WebAuthnCredentialNotSupportedException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnCredentialNotSupportedException", message, 400);
  }
}

export class WebAuthnNotEnabledException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnNotEnabledException", message, 400);
  }
}

export class WebAuthnOriginNotAllowedException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnOriginNotAllowedException", message, 400);
  }
}

export class WebAuthnRelyingPartyMismatchException extends CognitoError {
  constructor(message: string) {
    super("WebAuthnRelyingPartyMismatchException", message, 400);
  }
}

export type AWSAccountIdType = string;
export type AccessTokenValidityType = number;
export interface AccountRecoverySettingType {
  RecoveryMechanisms?: RecoveryMechanismsType;
}
export type AccountTakeoverActionNotifyType = boolean;
export interface AccountTakeoverActionType {
  Notify: AccountTakeoverActionNotifyType;
  EventAction: AccountTakeoverEventActionType;
}
export interface AccountTakeoverActionsType {
  LowAction?: AccountTakeoverActionType;
  MediumAction?: AccountTakeoverActionType;
  HighAction?: AccountTakeoverActionType;
}
export type AccountTakeoverEventActionType = "BLOCK" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "NO_ACTION";
export interface AccountTakeoverRiskConfigurationType {
  NotifyConfiguration?: NotifyConfigurationType;
  Actions: AccountTakeoverActionsType;
}
export type AcrConfigurationType = Record<string, AcrLevelConfigType>;
export interface AcrLevelConfigType {
  AcrValue: AcrValueType;
}
export type AcrLevelKeyType = string;
export type AcrMappingKeyType = string;
export type AcrMappingType = Record<string, AcrValueType>;
export type AcrValueType = string;
export interface AddCustomAttributesRequest {
  UserPoolId: UserPoolIdType;
  CustomAttributes: CustomAttributesListType;
}
export interface AddCustomAttributesResponse {}
export interface AddUserPoolClientSecretRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
}
export interface AddUserPoolClientSecretResponse {
  ClientSecretDescriptor?: ClientSecretDescriptorType;
}
export interface AdminAddUserToGroupRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  GroupName: GroupNameType;
}
export interface AdminConfirmSignUpRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  ClientMetadata?: ClientMetadataType;
}
export interface AdminConfirmSignUpResponse {}
export interface AdminCreateUserConfigType {
  AllowAdminCreateUserOnly?: BooleanType;
  UnusedAccountValidityDays?: AdminCreateUserUnusedAccountValidityDaysType;
  InviteMessageTemplate?: MessageTemplateType;
}
export interface AdminCreateUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  UserAttributes?: AttributeListType;
  ValidationData?: AttributeListType;
  TemporaryPassword?: PasswordType;
  ForceAliasCreation?: ForceAliasCreation;
  MessageAction?: MessageActionType;
  DesiredDeliveryMediums?: DeliveryMediumListType;
  ClientMetadata?: ClientMetadataType;
}
export interface AdminCreateUserResponse {
  User?: UserType;
}
export type AdminCreateUserUnusedAccountValidityDaysType = number;
export interface AdminDeleteSoftwareTokenRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminDeleteSoftwareTokenResponse {}
export interface AdminDeleteUserAttributesRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  UserAttributeNames: AttributeNameListType;
}
export interface AdminDeleteUserAttributesResponse {}
export interface AdminDeleteUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminDisableProviderForUserRequest {
  UserPoolId: StringType;
  User: ProviderUserIdentifierType;
}
export interface AdminDisableProviderForUserResponse {}
export interface AdminDisableUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminDisableUserResponse {}
export interface AdminEnableUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminEnableUserResponse {}
export interface AdminForgetDeviceRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  DeviceKey: DeviceKeyType;
}
export interface AdminGetDeviceRequest {
  DeviceKey: DeviceKeyType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminGetDeviceResponse {
  Device: DeviceType;
}
export interface AdminGetUserAuthFactorsRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminGetUserAuthFactorsResponse {
  Username: UsernameType;
  PreferredMfaSetting?: StringType;
  UserMFASettingList?: UserMFASettingListType;
  ConfiguredUserAuthFactors?: ConfiguredUserAuthFactorsListType;
}
export interface AdminGetUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminGetUserResponse {
  Username: UsernameType;
  UserAttributes?: AttributeListType;
  UserCreateDate?: DateType;
  UserLastModifiedDate?: DateType;
  Enabled?: BooleanType;
  UserStatus?: UserStatusType;
  MFAOptions?: MFAOptionListType;
  PreferredMfaSetting?: StringType;
  UserMFASettingList?: UserMFASettingListType;
}
export interface AdminInitiateAuthRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  AuthFlow: AuthFlowType;
  AuthParameters?: AuthParametersType;
  ClientMetadata?: ClientMetadataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ContextData?: ContextDataType;
  Session?: SessionType;
}
export interface AdminInitiateAuthResponse {
  ChallengeName?: ChallengeNameType;
  Session?: SessionType;
  ChallengeParameters?: ChallengeParametersType;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
}
export interface AdminLinkProviderForUserRequest {
  UserPoolId: StringType;
  DestinationUser: ProviderUserIdentifierType;
  SourceUser: ProviderUserIdentifierType;
}
export interface AdminLinkProviderForUserResponse {}
export interface AdminListDevicesRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
}
export interface AdminListDevicesResponse {
  Devices?: DeviceListType;
  PaginationToken?: SearchPaginationTokenType;
}
export interface AdminListGroupsForUserRequest {
  Username: UsernameType;
  UserPoolId: UserPoolIdType;
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
}
export interface AdminListGroupsForUserResponse {
  Groups?: GroupListType;
  NextToken?: PaginationKey;
}
export interface AdminListUserAuthEventsRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  MaxResults?: QueryLimitType;
  NextToken?: PaginationKey;
}
export interface AdminListUserAuthEventsResponse {
  AuthEvents?: AuthEventsType;
  NextToken?: PaginationKey;
}
export interface AdminListUserSessionsRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  NextToken?: PaginationKey;
}
export interface AdminListUserSessionsResponse {
  Sessions?: SessionsListType;
  NextToken?: PaginationKey;
}
export interface AdminRemoveUserFromGroupRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  GroupName: GroupNameType;
}
export interface AdminResetUserPasswordRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  ClientMetadata?: ClientMetadataType;
}
export interface AdminResetUserPasswordResponse {}
export interface AdminRespondToAuthChallengeRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  ChallengeName: ChallengeNameType;
  ChallengeResponses?: ChallengeResponsesType;
  Session?: SessionType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ContextData?: ContextDataType;
  ClientMetadata?: ClientMetadataType;
}
export interface AdminRespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType;
  Session?: SessionType;
  ChallengeParameters?: ChallengeParametersType;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
}
export interface AdminRevokeUserSessionRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  SessionId: SessionIdType;
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType;
}
export interface AdminRevokeUserSessionResponse {}
export interface AdminSetUserMFAPreferenceRequest {
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  EmailMfaSettings?: EmailMfaSettingsType;
  WebAuthnMfaSettings?: WebAuthnMfaSettingsType;
  Username: UsernameType;
  UserPoolId: UserPoolIdType;
}
export interface AdminSetUserMFAPreferenceResponse {}
export interface AdminSetUserPasswordRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  Password: PasswordType;
  Permanent?: BooleanType;
}
export interface AdminSetUserPasswordResponse {}
export interface AdminSetUserSettingsRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  MFAOptions: MFAOptionListType;
}
export interface AdminSetUserSettingsResponse {}
export interface AdminUpdateAuthEventFeedbackRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  EventId: EventIdType;
  FeedbackValue: FeedbackValueType;
}
export interface AdminUpdateAuthEventFeedbackResponse {}
export interface AdminUpdateDeviceStatusRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  DeviceKey: DeviceKeyType;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}
export interface AdminUpdateDeviceStatusResponse {}
export interface AdminUpdateUserAttributesRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  UserAttributes: AttributeListType;
  ClientMetadata?: ClientMetadataType;
}
export interface AdminUpdateUserAttributesResponse {}
export interface AdminUserGlobalSignOutRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}
export interface AdminUserGlobalSignOutResponse {}
export interface AdvancedSecurityAdditionalFlowsType {
  CustomAuthMode?: AdvancedSecurityEnabledModeType;
}
export type AdvancedSecurityEnabledModeType = "AUDIT" | "ENFORCED";
export type AdvancedSecurityModeType = "OFF" | "AUDIT" | "ENFORCED";
export type AliasAttributeType = "phone_number" | "email" | "preferred_username";
export type AliasAttributesListType = AliasAttributeType[];
export type AllowedFirstAuthFactorsListType = AuthFactorType[];
export interface AnalyticsConfigurationType {
  ApplicationId?: HexStringType;
  ApplicationArn?: ArnType;
  RoleArn?: ArnType;
  ExternalId?: StringType;
  UserDataShared?: BooleanType;
}
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: StringType;
}
export type ArnType = string;
export type AssetBytesType = string;
export type AssetCategoryType = "FAVICON_ICO" | "FAVICON_SVG" | "EMAIL_GRAPHIC" | "SMS_GRAPHIC" | "AUTH_APP_GRAPHIC" | "PASSWORD_GRAPHIC" | "PASSKEY_GRAPHIC" | "PAGE_HEADER_LOGO" | "PAGE_HEADER_BACKGROUND" | "PAGE_FOOTER_LOGO" | "PAGE_FOOTER_BACKGROUND" | "PAGE_BACKGROUND" | "FORM_BACKGROUND" | "FORM_LOGO" | "IDP_BUTTON_ICON";
export type AssetExtensionType = "ICO" | "JPEG" | "PNG" | "SVG" | "WEBP";
export type AssetListType = AssetType[];
export interface AssetType {
  Category: AssetCategoryType;
  ColorMode: ColorSchemeModeType;
  Extension: AssetExtensionType;
  Bytes?: AssetBytesType;
  ResourceId?: ResourceIdType;
}
export interface AssociateSoftwareTokenRequest {
  AccessToken?: TokenModelType;
  Session?: SessionType;
}
export interface AssociateSoftwareTokenResponse {
  SecretCode?: SecretCodeType;
  Session?: SessionType;
}
export type AttributeDataType = "String" | "Number" | "DateTime" | "Boolean";
export type AttributeListType = AttributeType[];
export type AttributeMappingKeyType = string;
export type AttributeMappingType = Record<string, StringType>;
export type AttributeNameListType = AttributeNameType[];
export type AttributeNameType = string;
export interface AttributeType {
  Name: AttributeNameType;
  Value?: AttributeValueType;
}
export type AttributeValueType = string;
export type AttributesRequireVerificationBeforeUpdateType = VerifiedAttributeType[];
export type AudienceListType = AudienceType[];
export type AudienceType = string;
export interface AuthEventType {
  EventId?: StringType;
  EventType?: EventType;
  CreationDate?: DateType;
  EventResponse?: EventResponseType;
  EventRisk?: EventRiskType;
  ChallengeResponses?: ChallengeResponseListType;
  EventContextData?: EventContextDataType;
  EventFeedback?: EventFeedbackType;
}
export type AuthEventsType = AuthEventType[];
export type AuthFactorType = "PASSWORD" | "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN" | "SOFTWARE_TOKEN";
export type AuthFlowType = "USER_SRP_AUTH" | "REFRESH_TOKEN_AUTH" | "REFRESH_TOKEN" | "CUSTOM_AUTH" | "ADMIN_NO_SRP_AUTH" | "USER_PASSWORD_AUTH" | "ADMIN_USER_PASSWORD_AUTH" | "USER_AUTH";
export type AuthParametersType = Record<string, StringType>;
export type AuthSessionValidityType = number;
export interface AuthenticationResultType {
  AccessToken?: TokenModelType;
  ExpiresIn?: IntegerType;
  TokenType?: StringType;
  RefreshToken?: TokenModelType;
  IdToken?: TokenModelType;
  NewDeviceMetadata?: NewDeviceMetadataType;
}
export type AvailableChallengeListType = ChallengeNameType[];
export type BlockedIPRangeListType = StringType[];
export type BooleanType = boolean;
export type CIMDCacheActionType = "REFRESH" | "INVALIDATE";
export type CIMDPolicyIdType = string;
export type CIMDPolicyNameType = string;
export type CIMDPolicySummaryListType = CIMDPolicySummaryType[];
export interface CIMDPolicySummaryType {
  CIMDPolicyId: CIMDPolicyIdType;
  ClientId?: ClientIdType;
  PolicyName: CIMDPolicyNameType;
  CacheDuration?: CacheDurationType;
  CreationDate?: DateType;
  LastModifiedDate?: DateType;
}
export interface CIMDPolicyType {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
  ClientId?: ClientIdType;
  PolicyName: CIMDPolicyNameType;
  CacheDuration?: CacheDurationType;
  URLPatterns?: URLPatternListType;
  CreationDate?: DateType;
  LastModifiedDate?: DateType;
}
export type CSSType = string;
export type CSSVersionType = string;
export type CacheDurationType = number;
export type CallbackURLsListType = RedirectUrlType[];
export interface CancelPointInTimeRecoveryRequest {
  UserPoolId: UserPoolIdType;
  RestoreId: RestoreIdType;
}
export interface CancelPointInTimeRecoveryResponse {
  Restoration?: RestorationType;
}
export type ChallengeName = "Password" | "Mfa";
export type ChallengeNameType = "SMS_MFA" | "EMAIL_OTP" | "SOFTWARE_TOKEN_MFA" | "SELECT_MFA_TYPE" | "MFA_SETUP" | "PASSWORD_VERIFIER" | "CUSTOM_CHALLENGE" | "SELECT_CHALLENGE" | "DEVICE_SRP_AUTH" | "DEVICE_PASSWORD_VERIFIER" | "ADMIN_NO_SRP_AUTH" | "NEW_PASSWORD_REQUIRED" | "SMS_OTP" | "PASSWORD" | "WEB_AUTHN" | "PASSWORD_SRP";
export type ChallengeParametersType = Record<string, StringType>;
export type ChallengeResponse = "Success" | "Failure";
export type ChallengeResponseListType = ChallengeResponseType[];
export interface ChallengeResponseType {
  ChallengeName?: ChallengeName;
  ChallengeResponse?: ChallengeResponse;
}
export type ChallengeResponsesType = Record<string, StringType>;
export interface ChangePasswordRequest {
  PreviousPassword?: PasswordType;
  ProposedPassword: PasswordType;
  AccessToken: TokenModelType;
}
export interface ChangePasswordResponse {}
export interface ClientAuthenticationResultType {
  AccessToken?: TokenModelType;
  ExpiresIn?: IntegerType;
  TokenType?: StringType;
}
export type ClientIdType = string;
export type ClientMetadataType = Record<string, StringType>;
export type ClientMetadataURLListType = ClientMetadataURLType[];
export interface ClientMetadataURLType {
  URL: MetadataURLType;
  CachedDate?: DateType;
  ExpirationDate?: DateType;
}
export type ClientNameType = string;
export type ClientPermissionListType = ClientPermissionType[];
export type ClientPermissionType = string;
export interface ClientSSOSessionConfigType {
  MaxValidityMinutes: SSOSessionMaxValidityMinutesType;
}
export type ClientSecretArnType = string;
export type ClientSecretDescriptorListType = ClientSecretDescriptorType[];
export interface ClientSecretDescriptorType {
  ClientSecretId?: ClientSecretIdType;
  ClientSecretValue?: ClientSecretType;
  ClientSecretCreateDate?: DateType;
}
export type ClientSecretIdType = string;
export type ClientSecretType = string;
export type ClientTypeType = "REGULAR" | "DCR";
export interface CloudWatchLogsConfigurationType {
  LogGroupArn?: ArnType;
}
export type CodeDeliveryDetailsListType = CodeDeliveryDetailsType[];
export interface CodeDeliveryDetailsType {
  Destination?: StringType;
  DeliveryMedium?: DeliveryMediumType;
  AttributeName?: AttributeNameType;
}
export type ColorSchemeModeType = "LIGHT" | "DARK" | "DYNAMIC";
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: TokenModelType;
  Credential: DocumentShape;
}
export interface CompleteWebAuthnRegistrationResponse {}
export type CompletionMessageType = string;
export interface CompromisedCredentialsActionsType {
  EventAction: CompromisedCredentialsEventActionType;
}
export type CompromisedCredentialsEventActionType = "BLOCK" | "NO_ACTION";
export interface CompromisedCredentialsRiskConfigurationType {
  EventFilter?: EventFiltersType;
  Actions: CompromisedCredentialsActionsType;
}
export type ConfiguredUserAuthFactorsListType = AuthFactorType[];
export interface ConfirmDeviceRequest {
  AccessToken: TokenModelType;
  DeviceKey: DeviceKeyType;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: DeviceNameType;
}
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: BooleanType;
}
export interface ConfirmForgotPasswordRequest {
  ClientId: ClientIdType;
  SecretHash?: SecretHashType;
  Username: UsernameType;
  ConfirmationCode: ConfirmationCodeType;
  Password: PasswordType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
export interface ConfirmForgotPasswordResponse {}
export interface ConfirmSignUpRequest {
  ClientId: ClientIdType;
  SecretHash?: SecretHashType;
  Username: UsernameType;
  ConfirmationCode: ConfirmationCodeType;
  ForceAliasCreation?: ForceAliasCreation;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
  Session?: SessionType;
}
export interface ConfirmSignUpResponse {
  Session?: SessionType;
}
export type ConfirmationCodeType = string;
export interface ContextDataType {
  IpAddress: StringType;
  ServerName: StringType;
  ServerPath: StringType;
  HttpHeaders: HttpHeaderList;
  EncodedData?: StringType;
}
export interface CreateCIMDPolicyRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  PolicyName: CIMDPolicyNameType;
  CacheDuration?: CacheDurationType;
  URLPatterns: URLPatternListType;
}
export interface CreateCIMDPolicyResponse {
  CIMDPolicy: CIMDPolicyType;
}
export interface CreateGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
  Description?: DescriptionType;
  RoleArn?: ArnType;
  Precedence?: PrecedenceType;
}
export interface CreateGroupResponse {
  Group?: GroupType;
}
export interface CreateIdentityProviderRequest {
  UserPoolId: UserPoolIdType;
  ProviderName: ProviderNameTypeV2;
  ProviderType: IdentityProviderTypeType;
  ProviderDetails: ProviderDetailsType;
  AttributeMapping?: AttributeMappingType;
  IdpIdentifiers?: IdpIdentifiersListType;
  AcrMapping?: AcrMappingType;
}
export interface CreateIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}
export interface CreateManagedLoginBrandingRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  UseCognitoProvidedValues?: BooleanType;
  Settings?: DocumentShape;
  Assets?: AssetListType;
}
export interface CreateManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}
export interface CreateResourceServerRequest {
  UserPoolId: UserPoolIdType;
  Identifier: ResourceServerIdentifierType;
  Name: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
}
export interface CreateResourceServerResponse {
  ResourceServer: ResourceServerType;
}
export interface CreateTermsRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  TermsName: TermsNameType;
  TermsSource: TermsSourceType;
  Enforcement: TermsEnforcementType;
  Links?: LinksType;
}
export interface CreateTermsResponse {
  Terms?: TermsType;
}
export interface CreateUserImportJobRequest {
  JobName: UserImportJobNameType;
  UserPoolId: UserPoolIdType;
  CloudWatchLogsRoleArn: ArnType;
  PasswordHashingAlgorithm?: PasswordHashingAlgorithmType;
}
export interface CreateUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}
export interface CreateUserPoolClientRequest {
  UserPoolId: UserPoolIdType;
  ClientName: ClientNameType;
  GenerateSecret?: GenerateSecret;
  ClientSecret?: ClientSecretType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  AccessTokenValidity?: AccessTokenValidityType;
  IdTokenValidity?: IdTokenValidityType;
  TokenValidityUnits?: TokenValidityUnitsType;
  ReadAttributes?: ClientPermissionListType;
  WriteAttributes?: ClientPermissionListType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  CallbackURLs?: CallbackURLsListType;
  LogoutURLs?: LogoutURLsListType;
  DefaultRedirectURI?: RedirectUrlType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthScopes?: ScopeListType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  EnableTokenRevocation?: WrappedBooleanType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  AuthSessionValidity?: AuthSessionValidityType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  PublishSecretsInAWSSecretsManager?: WrappedBooleanType;
}
export interface CreateUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}
export interface CreateUserPoolDomainRequest {
  Domain: DomainType;
  UserPoolId: UserPoolIdType;
  ManagedLoginVersion?: WrappedIntegerType;
  CustomDomainConfig?: CustomDomainConfigType;
  Routing?: RoutingType;
}
export interface CreateUserPoolDomainResponse {
  ManagedLoginVersion?: WrappedIntegerType;
  CloudFrontDomain?: DomainType;
  Routing?: RoutingType;
}
export interface CreateUserPoolReplicaRequest {
  UserPoolId: UserPoolIdType;
  RegionName: RegionNameType;
  UserPoolTags?: UserPoolTagsType;
}
export interface CreateUserPoolReplicaResponse {
  UserPoolReplica?: UserPoolReplicaType;
}
export interface CreateUserPoolRequest {
  PoolName: UserPoolNameType;
  Policies?: UserPoolPolicyType;
  DeletionProtection?: DeletionProtectionType;
  LambdaConfig?: LambdaConfigType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  AliasAttributes?: AliasAttributesListType;
  UsernameAttributes?: UsernameAttributesListType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  MfaConfiguration?: UserPoolMfaType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  DeviceConfiguration?: DeviceConfigurationType;
  EmailConfiguration?: EmailConfigurationType;
  SmsConfiguration?: SmsConfigurationType;
  UserPoolTags?: UserPoolTagsType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  Schema?: SchemaAttributesListType;
  UserPoolAddOns?: UserPoolAddOnsType;
  DcrConfiguration?: DcrConfigurationType;
  UsernameConfiguration?: UsernameConfigurationType;
  AccountRecoverySetting?: AccountRecoverySettingType;
  UserPoolTier?: UserPoolTierType;
  KeyConfiguration?: KeyConfigurationType;
  IssuerConfiguration?: IssuerConfigurationType;
  AcrConfiguration?: AcrConfigurationType;
}
export interface CreateUserPoolResponse {
  UserPool?: UserPoolType;
}
export type CustomAttributeNameType = string;
export type CustomAttributesListType = SchemaAttributeType[];
export interface CustomDomainConfigType {
  CertificateArn: ArnType;
  SecurityPolicy?: SecurityPolicyType;
}
export interface CustomEmailLambdaVersionConfigType {
  LambdaVersion: CustomEmailSenderLambdaVersionType;
  LambdaArn: ArnType;
}
export type CustomEmailSenderLambdaVersionType = "V1_0";
export interface CustomSMSLambdaVersionConfigType {
  LambdaVersion: CustomSMSSenderLambdaVersionType;
  LambdaArn: ArnType;
}
export type CustomSMSSenderLambdaVersionType = "V1_0";
export type DateType = number;
export interface DcrConfigurationType {
  EnableStatus?: StatusType;
  OpenDcrEnabled?: BooleanType;
  AuthenticatedGrantTypes?: OAuthFlowsType;
  OpenDcrGrantTypes?: OAuthFlowsType;
  AllowedScopes?: ScopeListType;
}
export type DefaultEmailOptionType = "CONFIRM_WITH_LINK" | "CONFIRM_WITH_CODE";
export interface DeleteCIMDPolicyRequest {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
}
export interface DeleteCIMDPolicyResponse {}
export interface DeleteGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
}
export interface DeleteIdentityProviderRequest {
  UserPoolId: UserPoolIdType;
  ProviderName: ProviderNameType;
}
export interface DeleteManagedLoginBrandingRequest {
  ManagedLoginBrandingId: ManagedLoginBrandingIdType;
  UserPoolId: UserPoolIdType;
}
export interface DeleteResourceServerRequest {
  UserPoolId: UserPoolIdType;
  Identifier: ResourceServerIdentifierType;
}
export interface DeleteTermsRequest {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
}
export interface DeleteUserAttributesRequest {
  UserAttributeNames: AttributeNameListType;
  AccessToken: TokenModelType;
}
export interface DeleteUserAttributesResponse {}
export interface DeleteUserPoolClientRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
}
export interface DeleteUserPoolClientSecretRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  ClientSecretId: ClientSecretIdType;
}
export interface DeleteUserPoolClientSecretResponse {}
export interface DeleteUserPoolDomainRequest {
  Domain: DomainType;
  UserPoolId: UserPoolIdType;
}
export interface DeleteUserPoolDomainResponse {}
export interface DeleteUserPoolReplicaRequest {
  UserPoolId: UserPoolIdType;
  RegionName: RegionNameType;
}
export interface DeleteUserPoolReplicaResponse {
  UserPoolReplica?: UserPoolReplicaType;
}
export interface DeleteUserPoolRequest {
  UserPoolId: UserPoolIdType;
}
export interface DeleteUserRequest {
  AccessToken: TokenModelType;
}
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: TokenModelType;
  CredentialId: StringType;
}
export interface DeleteWebAuthnCredentialResponse {}
export type DeletionProtectionType = "ACTIVE" | "INACTIVE";
export type DeliveryMediumListType = DeliveryMediumType[];
export type DeliveryMediumType = "SMS" | "EMAIL";
export interface DescribeCIMDPolicyRequest {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
}
export interface DescribeCIMDPolicyResponse {
  CIMDPolicy: CIMDPolicyType;
}
export interface DescribeIdentityProviderRequest {
  UserPoolId: UserPoolIdType;
  ProviderName: ProviderNameType;
}
export interface DescribeIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}
export interface DescribeManagedLoginBrandingByClientRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  ReturnMergedResources?: BooleanType;
}
export interface DescribeManagedLoginBrandingByClientResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}
export interface DescribeManagedLoginBrandingRequest {
  UserPoolId: UserPoolIdType;
  ManagedLoginBrandingId: ManagedLoginBrandingIdType;
  ReturnMergedResources?: BooleanType;
}
export interface DescribeManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}
export interface DescribePointInTimeRecoveryRequest {
  UserPoolId: UserPoolIdType;
  RestoreId: RestoreIdType;
}
export interface DescribePointInTimeRecoveryResponse {
  Restoration?: RestorationType;
}
export interface DescribeResourceServerRequest {
  UserPoolId: UserPoolIdType;
  Identifier: ResourceServerIdentifierType;
}
export interface DescribeResourceServerResponse {
  ResourceServer: ResourceServerType;
}
export interface DescribeRiskConfigurationRequest {
  UserPoolId: UserPoolIdType;
  ClientId?: ClientIdType;
}
export interface DescribeRiskConfigurationResponse {
  RiskConfiguration: RiskConfigurationType;
}
export interface DescribeTermsByClientRequest {
  ClientId: ClientIdType;
  UserPoolId: UserPoolIdType;
  TermsName: TermsNameType;
}
export interface DescribeTermsByClientResponse {
  Terms?: TermsType;
}
export interface DescribeTermsRequest {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
}
export interface DescribeTermsResponse {
  Terms?: TermsType;
}
export interface DescribeUserImportJobRequest {
  UserPoolId: UserPoolIdType;
  JobId: UserImportJobIdType;
}
export interface DescribeUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}
export interface DescribeUserPoolClientRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
}
export interface DescribeUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}
export interface DescribeUserPoolDomainRequest {
  Domain: DomainType;
}
export interface DescribeUserPoolDomainResponse {
  DomainDescription?: DomainDescriptionType;
}
export interface DescribeUserPoolRequest {
  UserPoolId: UserPoolIdType;
}
export interface DescribeUserPoolResponse {
  UserPool?: UserPoolType;
}
export type DescriptionType = string;
export interface DeviceConfigurationType {
  ChallengeRequiredOnNewDevice?: BooleanType;
  DeviceOnlyRememberedOnUserPrompt?: BooleanType;
}
export type DeviceKeyType = string;
export type DeviceListType = DeviceType[];
export type DeviceNameType = string;
export type DeviceRememberedStatusType = "remembered" | "not_remembered";
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: StringType;
  Salt?: StringType;
}
export interface DeviceType {
  DeviceKey?: DeviceKeyType;
  DeviceAttributes?: AttributeListType;
  DeviceCreateDate?: DateType;
  DeviceLastModifiedDate?: DateType;
  DeviceLastAuthenticatedDate?: DateType;
}
export type DocumentShape = unknown;
export interface DomainDescriptionType {
  UserPoolId?: UserPoolIdType;
  AWSAccountId?: AWSAccountIdType;
  Domain?: DomainType;
  S3Bucket?: S3BucketType;
  CloudFrontDistribution?: StringType;
  Version?: DomainVersionType;
  Status?: DomainStatusType;
  CustomDomainConfig?: CustomDomainConfigType;
  ManagedLoginVersion?: WrappedIntegerType;
  Routing?: RoutingType;
}
export type DomainStatusType = "CREATING" | "DELETING" | "UPDATING" | "ACTIVE" | "FAILED";
export type DomainType = string;
export type DomainVersionType = string;
export type EmailAddressType = string;
export interface EmailConfigurationType {
  SourceArn?: ArnType;
  ReplyToEmailAddress?: EmailAddressType;
  EmailSendingAccount?: EmailSendingAccountType;
  From?: StringType;
  ConfigurationSet?: SESConfigurationSet;
}
export type EmailInviteMessageType = string;
export interface EmailMfaConfigType {
  Message?: EmailMfaMessageType;
  Subject?: EmailMfaSubjectType;
}
export type EmailMfaMessageType = string;
export interface EmailMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}
export type EmailMfaSubjectType = string;
export type EmailNotificationBodyType = string;
export type EmailNotificationSubjectType = string;
export type EmailSendingAccountType = "COGNITO_DEFAULT" | "DEVELOPER";
export type EmailVerificationMessageByLinkType = string;
export type EmailVerificationMessageType = string;
export type EmailVerificationSubjectByLinkType = string;
export type EmailVerificationSubjectType = string;
export type EncryptionKeyArnType = string;
export type EncryptionKeyType = "AWS_OWNED_KEY" | "CUSTOMER_MANAGED_KEY";
export interface EumsSmsConfigurationType {
  CallerArn: ArnType;
  ExternalId?: StringType;
  OriginationIdentity?: StringType;
  ConfigurationSetName?: StringType;
  InEntityId?: StringType;
  InTemplateId?: StringType;
  Region?: RegionCodeType;
}
export interface EventContextDataType {
  IpAddress?: StringType;
  DeviceName?: StringType;
  Timezone?: StringType;
  City?: StringType;
  Country?: StringType;
}
export interface EventFeedbackType {
  FeedbackValue: FeedbackValueType;
  Provider: StringType;
  FeedbackDate?: DateType;
}
export type EventFilterType = "SIGN_IN" | "PASSWORD_CHANGE" | "SIGN_UP";
export type EventFiltersType = EventFilterType[];
export type EventIdType = string;
export type EventResponseType = "Pass" | "Fail" | "InProgress";
export interface EventRiskType {
  RiskDecision?: RiskDecisionType;
  RiskLevel?: RiskLevelType;
  CompromisedCredentialsDetected?: WrappedBooleanType;
}
export type EventSourceName = "userNotification" | "userAuthEvents";
export type EventType = "SignIn" | "SignUp" | "ForgotPassword" | "PasswordChange" | "ResendCode";
export type ExplicitAuthFlowsListType = ExplicitAuthFlowsType[];
export type ExplicitAuthFlowsType = "ADMIN_NO_SRP_AUTH" | "CUSTOM_AUTH_FLOW_ONLY" | "USER_PASSWORD_AUTH" | "ALLOW_ADMIN_USER_PASSWORD_AUTH" | "ALLOW_CUSTOM_AUTH" | "ALLOW_USER_PASSWORD_AUTH" | "ALLOW_USER_SRP_AUTH" | "ALLOW_REFRESH_TOKEN_AUTH" | "ALLOW_USER_AUTH" | "ALLOW_TOKEN_EXCHANGE_DELEGATION" | "ALLOW_TOKEN_EXCHANGE_IMPERSONATION";
export interface FailoverType {
  SecondaryRegion: RegionNameType;
  PrimaryRoute53HealthCheckId: HealthCheckIdType;
}
export type FeatureType = "ENABLED" | "DISABLED";
export type FeedbackValueType = "Valid" | "Invalid";
export interface FirehoseConfigurationType {
  StreamArn?: ArnType;
}
export type ForceAliasCreation = boolean;
export interface ForgetDeviceRequest {
  AccessToken?: TokenModelType;
  DeviceKey: DeviceKeyType;
}
export interface ForgotPasswordRequest {
  ClientId: ClientIdType;
  SecretHash?: SecretHashType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientMetadata?: ClientMetadataType;
}
export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}
export type GenerateSecret = boolean;
export interface GetCSVHeaderRequest {
  UserPoolId: UserPoolIdType;
}
export interface GetCSVHeaderResponse {
  UserPoolId?: UserPoolIdType;
  CSVHeader?: ListOfStringTypes;
}
export interface GetClientTokenRequest {
  ClientId: ClientIdType;
  Secret: ClientSecretType;
  Scopes?: ScopeListType;
  ClientMetadata?: ClientMetadataType;
}
export interface GetClientTokenResponse {
  ClientAuthenticationResult?: ClientAuthenticationResultType;
}
export interface GetDerivedTokenRequest {
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
  SubjectToken: GetDerivedTokenTokenModelType;
  SubjectTokenType: TokenTypeIdentifierType;
  SubjectTokenProviderName?: ProviderNameType;
  ActorToken?: GetDerivedTokenTokenModelType;
  ActorTokenType?: TokenTypeIdentifierType;
  ActorTokenProviderName?: ProviderNameType;
  Scopes?: ScopeListType;
  Audiences?: AudienceListType;
  Resources?: ResourceListType;
  RequestedTokenType?: IssuedTokenTypeIdentifierType;
}
export interface GetDerivedTokenResponse {
  IssuedToken: TokenModelType;
  IssuedTokenType: IssuedTokenTypeIdentifierType;
  TokenType: OAuthTokenTypeType;
  ExpiresIn?: IntegerType;
  Scopes?: ScopeListType;
}
export type GetDerivedTokenTokenModelType = string;
export interface GetDeviceRequest {
  DeviceKey: DeviceKeyType;
  AccessToken?: TokenModelType;
}
export interface GetDeviceResponse {
  Device: DeviceType;
}
export interface GetGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
}
export interface GetGroupResponse {
  Group?: GroupType;
}
export interface GetIdentityProviderByIdentifierRequest {
  UserPoolId: UserPoolIdType;
  IdpIdentifier: IdpIdentifierType;
}
export interface GetIdentityProviderByIdentifierResponse {
  IdentityProvider: IdentityProviderType;
}
export interface GetLogDeliveryConfigurationRequest {
  UserPoolId: UserPoolIdType;
}
export interface GetLogDeliveryConfigurationResponse {
  LogDeliveryConfiguration?: LogDeliveryConfigurationType;
}
export interface GetProvisionedLimitRequest {
  LimitDefinition: LimitDefinitionType;
}
export interface GetProvisionedLimitResponse {
  Limit: LimitType;
}
export interface GetSigningCertificateRequest {
  UserPoolId: UserPoolIdType;
}
export interface GetSigningCertificateResponse {
  Certificate?: StringType;
}
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: TokenModelType;
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
  DeviceKey?: DeviceKeyType;
  ClientMetadata?: ClientMetadataType;
}
export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}
export interface GetUICustomizationRequest {
  UserPoolId: UserPoolIdType;
  ClientId?: ClientIdType;
}
export interface GetUICustomizationResponse {
  UICustomization: UICustomizationType;
}
export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: TokenModelType;
  AttributeName: AttributeNameType;
  ClientMetadata?: ClientMetadataType;
}
export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}
export interface GetUserAuthFactorsRequest {
  AccessToken: TokenModelType;
}
export interface GetUserAuthFactorsResponse {
  Username: UsernameType;
  PreferredMfaSetting?: StringType;
  UserMFASettingList?: UserMFASettingListType;
  ConfiguredUserAuthFactors?: ConfiguredUserAuthFactorsListType;
}
export interface GetUserPoolClientSessionConfigurationRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
}
export interface GetUserPoolClientSessionConfigurationResponse {
  UserPoolId?: UserPoolIdType;
  ClientId?: ClientIdType;
  SSOSession?: ClientSSOSessionConfigType;
}
export interface GetUserPoolMfaConfigRequest {
  UserPoolId: UserPoolIdType;
}
export interface GetUserPoolMfaConfigResponse {
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}
export interface GetUserPoolSessionConfigurationRequest {
  UserPoolId: UserPoolIdType;
}
export interface GetUserPoolSessionConfigurationResponse {
  UserPoolId?: UserPoolIdType;
  UserSessionTracking?: UserSessionTrackingType;
  TokenSession?: UserPoolTokenSessionConfigType;
}
export interface GetUserRequest {
  AccessToken: TokenModelType;
}
export interface GetUserResponse {
  Username: UsernameType;
  UserAttributes: AttributeListType;
  MFAOptions?: MFAOptionListType;
  PreferredMfaSetting?: StringType;
  UserMFASettingList?: UserMFASettingListType;
}
export interface GlobalSignOutRequest {
  AccessToken: TokenModelType;
}
export interface GlobalSignOutResponse {}
export type GroupListType = GroupType[];
export type GroupNameType = string;
export interface GroupType {
  GroupName?: GroupNameType;
  UserPoolId?: UserPoolIdType;
  Description?: DescriptionType;
  RoleArn?: ArnType;
  Precedence?: PrecedenceType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
}
export type HealthCheckIdType = string;
export type HexStringType = string;
export interface HttpHeader {
  headerName?: StringType;
  headerValue?: StringType;
}
export type HttpHeaderList = HttpHeader[];
export type IdTokenValidityType = number;
export interface IdentityProviderType {
  UserPoolId?: UserPoolIdType;
  ProviderName?: ProviderNameType;
  ProviderType?: IdentityProviderTypeType;
  ProviderDetails?: ProviderDetailsType;
  AttributeMapping?: AttributeMappingType;
  IdpIdentifiers?: IdpIdentifiersListType;
  AcrMapping?: AcrMappingType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
}
export type IdentityProviderTypeType = "SAML" | "Facebook" | "Google" | "LoginWithAmazon" | "SignInWithApple" | "OIDC";
export type IdpIdentifierType = string;
export type IdpIdentifiersListType = IdpIdentifierType[];
export type ImageFileType = string;
export type ImageUrlType = string;
export interface InboundFederationLambdaType {
  LambdaVersion: InboundFederationLambdaVersionType;
  LambdaArn: ArnType;
}
export type InboundFederationLambdaVersionType = "V1_0";
export interface InitiateAuthRequest {
  AuthFlow: AuthFlowType;
  AuthParameters?: AuthParametersType;
  ClientMetadata?: ClientMetadataType;
  ClientId: ClientIdType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  Session?: SessionType;
}
export interface InitiateAuthResponse {
  ChallengeName?: ChallengeNameType;
  Session?: SessionType;
  ChallengeParameters?: ChallengeParametersType;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
}
export interface InitiatePointInTimeRecoveryRequest {
  UserPoolId: UserPoolIdType;
  RestoreTimestamp: DateType;
}
export interface InitiatePointInTimeRecoveryResponse {
  Restoration?: RestorationType;
}
export type IntegerType = number;
export type InvalidParameterExceptionReasonCodeType = string;
export type IssuedTokenTypeIdentifierType = "ACCESS_TOKEN" | "ID_TOKEN";
export interface IssuerConfigurationType {
  Type?: IssuerType;
}
export type IssuerType = "ORIGINAL" | "UPDATED";
export interface KeyConfigurationType {
  KeyType?: EncryptionKeyType;
  KmsKeyArn?: EncryptionKeyArnType;
}
export interface LambdaConfigType {
  PreSignUp?: ArnType;
  CustomMessage?: ArnType;
  PostConfirmation?: ArnType;
  PreAuthentication?: ArnType;
  PostAuthentication?: ArnType;
  DefineAuthChallenge?: ArnType;
  CreateAuthChallenge?: ArnType;
  VerifyAuthChallengeResponse?: ArnType;
  PreTokenGeneration?: ArnType;
  UserMigration?: ArnType;
  PreTokenGenerationConfig?: PreTokenGenerationVersionConfigType;
  CustomSMSSender?: CustomSMSLambdaVersionConfigType;
  CustomEmailSender?: CustomEmailLambdaVersionConfigType;
  KMSKeyID?: ArnType;
  InboundFederation?: InboundFederationLambdaType;
}
export type LanguageIdType = string;
export type LimitClass = "API_CATEGORY";
export interface LimitDefinitionType {
  LimitClass: LimitClass;
  Attributes: StringToStringMapType;
}
export interface LimitType {
  LimitDefinition: LimitDefinitionType;
  ProvisionedLimitValue: IntegerType;
  FreeLimitValue: IntegerType;
}
export type LinkUrlType = string;
export type LinksType = Record<string, LinkUrlType>;
export interface ListCIMDPoliciesRequest {
  UserPoolId: UserPoolIdType;
  NextToken?: PaginationKeyType;
  MaxResults?: PoolQueryLimitType;
}
export interface ListCIMDPoliciesResponse {
  NextToken?: PaginationKeyType;
  CIMDPolicies: CIMDPolicySummaryListType;
}
export interface ListClientMetadataURLsRequest {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
  NextToken?: PaginationKeyType;
  MaxResults?: PoolQueryLimitType;
}
export interface ListClientMetadataURLsResponse {
  NextToken?: PaginationKeyType;
  ClientMetadataURLs: ClientMetadataURLListType;
}
export interface ListDevicesRequest {
  AccessToken: TokenModelType;
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
}
export interface ListDevicesResponse {
  Devices?: DeviceListType;
  PaginationToken?: SearchPaginationTokenType;
}
export interface ListGroupsRequest {
  UserPoolId: UserPoolIdType;
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
}
export interface ListGroupsResponse {
  Groups?: GroupListType;
  NextToken?: PaginationKey;
}
export interface ListIdentityProvidersRequest {
  UserPoolId: UserPoolIdType;
  MaxResults?: ListProvidersLimitType;
  NextToken?: PaginationKeyType;
}
export interface ListIdentityProvidersResponse {
  Providers: ProvidersListType;
  NextToken?: PaginationKeyType;
}
export type ListOfStringTypes = StringType[];
export interface ListPointInTimeRecoveriesRequest {
  UserPoolId: UserPoolIdType;
  NextToken?: PaginationKeyType;
  MaxResults?: PoolQueryLimitType;
}
export interface ListPointInTimeRecoveriesResponse {
  Restorations?: RestorationListType;
  NextToken?: PaginationKeyType;
}
export type ListProvidersLimitType = number;
export type ListResourceServersLimitType = number;
export interface ListResourceServersRequest {
  UserPoolId: UserPoolIdType;
  MaxResults?: ListResourceServersLimitType;
  NextToken?: PaginationKeyType;
}
export interface ListResourceServersResponse {
  ResourceServers: ResourceServersListType;
  NextToken?: PaginationKeyType;
}
export interface ListTagsForResourceRequest {
  ResourceArn: ArnType;
}
export interface ListTagsForResourceResponse {
  Tags?: UserPoolTagsType;
}
export interface ListTermsRequest {
  UserPoolId: UserPoolIdType;
  MaxResults?: ListTermsRequestMaxResultsInteger;
  NextToken?: StringType;
}
export type ListTermsRequestMaxResultsInteger = number;
export interface ListTermsResponse {
  Terms: TermsDescriptionListType;
  NextToken?: StringType;
}
export interface ListUserImportJobsRequest {
  UserPoolId: UserPoolIdType;
  MaxResults: PoolQueryLimitType;
  PaginationToken?: PaginationKeyType;
}
export interface ListUserImportJobsResponse {
  UserImportJobs?: UserImportJobsListType;
  PaginationToken?: PaginationKeyType;
}
export interface ListUserPoolClientSecretsRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  NextToken?: PaginationKey;
}
export interface ListUserPoolClientSecretsResponse {
  ClientSecrets?: ClientSecretDescriptorListType;
  NextToken?: PaginationKey;
}
export interface ListUserPoolClientsRequest {
  UserPoolId: UserPoolIdType;
  MaxResults?: QueryLimit;
  NextToken?: PaginationKey;
  ClientType?: ClientTypeType;
}
export interface ListUserPoolClientsResponse {
  UserPoolClients?: UserPoolClientListType;
  NextToken?: PaginationKey;
}
export interface ListUserPoolReplicasRequest {
  UserPoolId: UserPoolIdType;
  NextToken?: PaginationKeyType;
}
export interface ListUserPoolReplicasResponse {
  UserPoolReplicas?: UserPoolReplicaListType;
  NextToken?: PaginationKeyType;
}
export interface ListUserPoolsRequest {
  NextToken?: PaginationKeyType;
  MaxResults: PoolQueryLimitType;
}
export interface ListUserPoolsResponse {
  UserPools?: UserPoolListType;
  NextToken?: PaginationKeyType;
}
export interface ListUserSessionsRequest {
  AccessToken: TokenModelType;
  NextToken?: PaginationKey;
}
export interface ListUserSessionsResponse {
  Sessions?: SessionsListType;
  NextToken?: PaginationKey;
}
export interface ListUsersInGroupRequest {
  UserPoolId: UserPoolIdType;
  GroupName: GroupNameType;
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
}
export interface ListUsersInGroupResponse {
  Users?: UsersListType;
  NextToken?: PaginationKey;
}
export interface ListUsersRequest {
  UserPoolId: UserPoolIdType;
  AttributesToGet?: SearchedAttributeNamesListType;
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
  Filter?: UserFilterType;
}
export interface ListUsersResponse {
  Users?: UsersListType;
  PaginationToken?: SearchPaginationTokenType;
}
export interface ListWebAuthnCredentialsRequest {
  AccessToken: TokenModelType;
  NextToken?: PaginationKey;
  MaxResults?: WebAuthnCredentialsQueryLimitType;
}
export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescriptionListType;
  NextToken?: PaginationKey;
}
export type LogConfigurationListType = LogConfigurationType[];
export interface LogConfigurationType {
  LogLevel: LogLevel;
  EventSource: EventSourceName;
  CloudWatchLogsConfiguration?: CloudWatchLogsConfigurationType;
  S3Configuration?: S3ConfigurationType;
  FirehoseConfiguration?: FirehoseConfigurationType;
}
export interface LogDeliveryConfigurationType {
  UserPoolId: UserPoolIdType;
  LogConfigurations: LogConfigurationListType;
}
export type LogLevel = "ERROR" | "INFO";
export type LogoutURLsListType = RedirectUrlType[];
export type LongType = number;
export type MFAOptionListType = MFAOptionType[];
export interface MFAOptionType {
  DeliveryMedium?: DeliveryMediumType;
  AttributeName?: AttributeNameType;
}
export type ManagedLoginBrandingIdType = string;
export interface ManagedLoginBrandingType {
  ManagedLoginBrandingId?: ManagedLoginBrandingIdType;
  UserPoolId?: UserPoolIdType;
  UseCognitoProvidedValues?: BooleanType;
  Settings?: DocumentShape;
  Assets?: AssetListType;
  CreationDate?: DateType;
  LastModifiedDate?: DateType;
}
export type MaxSessionsPerUserType = number;
export type MessageActionType = "RESEND" | "SUPPRESS";
export interface MessageTemplateType {
  SMSMessage?: SmsInviteMessageType;
  EmailMessage?: EmailInviteMessageType;
  EmailSubject?: EmailVerificationSubjectType;
}
export type MessageType = string;
export type MetadataURLType = string;
export interface NewDeviceMetadataType {
  DeviceKey?: DeviceKeyType;
  DeviceGroupKey?: StringType;
}
export interface NotifyConfigurationType {
  From?: StringType;
  ReplyTo?: StringType;
  SourceArn: ArnType;
  BlockEmail?: NotifyEmailType;
  NoActionEmail?: NotifyEmailType;
  MfaEmail?: NotifyEmailType;
}
export interface NotifyEmailType {
  Subject: EmailNotificationSubjectType;
  HtmlBody?: EmailNotificationBodyType;
  TextBody?: EmailNotificationBodyType;
}
export interface NumberAttributeConstraintsType {
  MinValue?: StringType;
  MaxValue?: StringType;
}
export type OAuthFlowType = "code" | "implicit" | "client_credentials";
export type OAuthFlowsType = OAuthFlowType[];
export type OAuthTokenTypeType = "Bearer" | "N_A";
export type OptionalArnType = string;
export type PaginationKey = string;
export type PaginationKeyType = string;
export type PasswordHashingAlgorithmType = "BCRYPT" | "SCRYPT" | "ARGON2ID" | "PBKDF2_SHA256";
export type PasswordHistorySizeType = number;
export type PasswordPolicyMinLengthType = number;
export interface PasswordPolicyType {
  MinimumLength?: PasswordPolicyMinLengthType;
  RequireUppercase?: BooleanType;
  RequireLowercase?: BooleanType;
  RequireNumbers?: BooleanType;
  RequireSymbols?: BooleanType;
  PasswordHistorySize?: PasswordHistorySizeType;
  TemporaryPasswordValidityDays?: TemporaryPasswordValidityDaysType;
}
export type PasswordType = string;
export type PoolQueryLimitType = number;
export type PreSignedUrlType = string;
export type PreTokenGenerationLambdaVersionType = "V1_0" | "V2_0" | "V3_0";
export interface PreTokenGenerationVersionConfigType {
  LambdaVersion: PreTokenGenerationLambdaVersionType;
  LambdaArn: ArnType;
}
export type PrecedenceType = number;
export type PreventUserExistenceErrorTypes = "LEGACY" | "ENABLED";
export type PriorityType = number;
export interface ProviderDescription {
  ProviderName?: ProviderNameType;
  ProviderType?: IdentityProviderTypeType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
}
export type ProviderDetailsType = Record<string, StringType>;
export type ProviderNameType = string;
export type ProviderNameTypeV2 = string;
export interface ProviderUserIdentifierType {
  ProviderName?: ProviderNameType;
  ProviderAttributeName?: StringType;
  ProviderAttributeValue?: StringType;
}
export type ProvidersListType = ProviderDescription[];
export type QueryLimit = number;
export type QueryLimitType = number;
export type RecoveryMechanismsType = RecoveryOptionType[];
export type RecoveryOptionNameType = "verified_email" | "verified_phone_number" | "admin_only";
export interface RecoveryOptionType {
  Priority: PriorityType;
  Name: RecoveryOptionNameType;
}
export type RedirectUrlType = string;
export interface RefreshTokenRotationType {
  Feature: FeatureType;
  RetryGracePeriodSeconds?: RetryGracePeriodSecondsType;
}
export type RefreshTokenValidityType = number;
export type RegionCodeType = string;
export type RegionNameType = string;
export type RelyingPartyIdType = string;
export type ReplicaRegionsType = StringType[];
export type ReplicaRoleType = "PRIMARY" | "SECONDARY";
export type ReplicaStatusType = "CREATING" | "ACTIVE" | "INACTIVE" | "DELETING";
export interface ResendConfirmationCodeRequest {
  ClientId: ClientIdType;
  SecretHash?: SecretHashType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientMetadata?: ClientMetadataType;
}
export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}
export type ResourceIdType = string;
export type ResourceListType = ResourceServerIdentifierType[];
export type ResourceServerIdentifierType = string;
export type ResourceServerManagedByType = "COGNITO";
export type ResourceServerNameType = string;
export type ResourceServerScopeDescriptionType = string;
export type ResourceServerScopeListType = ResourceServerScopeType[];
export type ResourceServerScopeNameType = string;
export interface ResourceServerScopeType {
  ScopeName: ResourceServerScopeNameType;
  ScopeDescription: ResourceServerScopeDescriptionType;
}
export interface ResourceServerType {
  UserPoolId?: UserPoolIdType;
  Identifier?: ResourceServerIdentifierType;
  Name?: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
  ManagedBy?: ResourceServerManagedByType;
}
export type ResourceServersListType = ResourceServerType[];
export interface RespondToAuthChallengeRequest {
  ClientId: ClientIdType;
  ChallengeName: ChallengeNameType;
  Session?: SessionType;
  ChallengeResponses?: ChallengeResponsesType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
export interface RespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType;
  Session?: SessionType;
  ChallengeParameters?: ChallengeParametersType;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
}
export interface RestorationDescriptionType {
  RestoreId?: RestoreIdType;
  RestoreStatus?: RestoreStatusType;
  RestoreTimestamp?: DateType;
}
export type RestorationListType = RestorationDescriptionType[];
export interface RestorationType {
  RestoreId?: RestoreIdType;
  RestoreStatus?: RestoreStatusType;
  RestoreTimestamp?: DateType;
  TriggerTimestamp?: DateType;
  RestorePreview?: RestorePreviewListType;
}
export type RestoreIdType = string;
export type RestorePreviewListType = RestorePreviewType[];
export interface RestorePreviewType {
  Entity?: StringType;
  CreateCount?: LongType;
  UpdateCount?: LongType;
  DeleteCount?: LongType;
}
export type RestoreStatusType = "PREVIEW_GENERATING" | "PREVIEW_GENERATED" | "PREVIEW_CANCELLED" | "PREVIEW_GENERATION_FAILED" | "PREVIEW_EXPIRED" | "RESTORING" | "RESTORE_COMPLETED" | "TEMPORARY_INTERNAL_ERROR_SEE_SUPPORT_CASE" | "AWS_ABORTED";
export type RetryGracePeriodSecondsType = number;
export type RevokeAssociatedSessionsType = "NONE" | "LINKED";
export interface RevokeTokenRequest {
  Token: TokenModelType;
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType;
}
export interface RevokeTokenResponse {}
export interface RevokeUserSessionRequest {
  AccessToken: TokenModelType;
  SessionId: SessionIdType;
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType;
}
export interface RevokeUserSessionResponse {}
export interface RiskConfigurationType {
  UserPoolId?: UserPoolIdType;
  ClientId?: ClientIdType;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
  LastModifiedDate?: DateType;
}
export type RiskDecisionType = "NoRisk" | "AccountTakeover" | "Block";
export interface RiskExceptionConfigurationType {
  BlockedIPRangeList?: BlockedIPRangeListType;
  SkippedIPRangeList?: SkippedIPRangeListType;
}
export type RiskLevelType = "Low" | "Medium" | "High";
export interface RoutingType {
  Failover?: FailoverType;
}
export type S3ArnType = string;
export type S3BucketType = string;
export interface S3ConfigurationType {
  BucketArn?: S3ArnType;
}
export type SESConfigurationSet = string;
export interface SMSMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}
export type SSOSessionMaxValidityMinutesType = number;
export interface SchemaAttributeType {
  Name?: CustomAttributeNameType;
  AttributeDataType?: AttributeDataType;
  DeveloperOnlyAttribute?: BooleanType;
  Mutable?: BooleanType;
  Required?: BooleanType;
  NumberAttributeConstraints?: NumberAttributeConstraintsType;
  StringAttributeConstraints?: StringAttributeConstraintsType;
}
export type SchemaAttributesListType = SchemaAttributeType[];
export type ScopeListType = ScopeType[];
export type ScopeType = string;
export type SearchPaginationTokenType = string;
export type SearchedAttributeNamesListType = AttributeNameType[];
export type SecretCodeType = string;
export type SecretHashType = string;
export type SecurityPolicyType = "TLS_V1" | "TLS_V1_2_2021" | "TLS_V1_3_2025";
export interface SessionDescriptionType {
  SessionId?: SessionIdType;
  SessionType?: SessionTypeType;
  ClientId?: ClientIdType;
  CreateDate?: DateType;
  LastActiveDate?: DateType;
  DeviceType?: SessionDeviceType;
  LastIPAddress?: SessionIpAddressType;
  LastLocation?: SessionLocationType;
  OriginSessionId?: SessionIdType;
  IsCurrentSession?: WrappedBooleanType;
}
export type SessionDeviceType = string;
export type SessionIdType = string;
export type SessionIpAddressType = string;
export type SessionLocationCityType = string;
export type SessionLocationCountryType = string;
export interface SessionLocationType {
  City?: SessionLocationCityType;
  Country?: SessionLocationCountryType;
}
export type SessionType = string;
export type SessionTypeType = "TOKEN" | "SSO";
export type SessionsListType = SessionDescriptionType[];
export interface SetLogDeliveryConfigurationRequest {
  UserPoolId: UserPoolIdType;
  LogConfigurations: LogConfigurationListType;
}
export interface SetLogDeliveryConfigurationResponse {
  LogDeliveryConfiguration?: LogDeliveryConfigurationType;
}
export interface SetRiskConfigurationRequest {
  UserPoolId: UserPoolIdType;
  ClientId?: ClientIdType;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
}
export interface SetRiskConfigurationResponse {
  RiskConfiguration: RiskConfigurationType;
}
export interface SetUICustomizationRequest {
  UserPoolId: UserPoolIdType;
  ClientId?: ClientIdType;
  CSS?: CSSType;
  ImageFile?: ImageFileType;
}
export interface SetUICustomizationResponse {
  UICustomization: UICustomizationType;
}
export interface SetUserMFAPreferenceRequest {
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  EmailMfaSettings?: EmailMfaSettingsType;
  WebAuthnMfaSettings?: WebAuthnMfaSettingsType;
  AccessToken: TokenModelType;
}
export interface SetUserMFAPreferenceResponse {}
export interface SetUserPoolClientSessionConfigurationRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  SSOSession: ClientSSOSessionConfigType;
}
export interface SetUserPoolClientSessionConfigurationResponse {
  UserPoolId?: UserPoolIdType;
  ClientId?: ClientIdType;
  SSOSession?: ClientSSOSessionConfigType;
}
export interface SetUserPoolMfaConfigRequest {
  UserPoolId: UserPoolIdType;
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}
export interface SetUserPoolMfaConfigResponse {
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}
export interface SetUserPoolSessionConfigurationRequest {
  UserPoolId: UserPoolIdType;
  UserSessionTracking: UserSessionTrackingType;
  TokenSession: UserPoolTokenSessionConfigType;
}
export interface SetUserPoolSessionConfigurationResponse {
  UserPoolId?: UserPoolIdType;
  UserSessionTracking?: UserSessionTrackingType;
  TokenSession?: UserPoolTokenSessionConfigType;
}
export interface SetUserSettingsRequest {
  AccessToken: TokenModelType;
  MFAOptions: MFAOptionListType;
}
export interface SetUserSettingsResponse {}
export interface SignInPolicyType {
  AllowedFirstAuthFactors?: AllowedFirstAuthFactorsListType;
}
export interface SignUpRequest {
  ClientId: ClientIdType;
  SecretHash?: SecretHashType;
  Username: UsernameType;
  Password?: PasswordType;
  UserAttributes?: AttributeListType;
  ValidationData?: AttributeListType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
export interface SignUpResponse {
  UserConfirmed: BooleanType;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  UserSub: StringType;
  Session?: SessionType;
}
export type SkippedIPRangeListType = StringType[];
export interface SmsConfigurationType {
  SnsCallerArn?: OptionalArnType;
  ExternalId?: StringType;
  SnsRegion?: RegionCodeType;
  EumsSms?: EumsSmsConfigurationType;
}
export type SmsInviteMessageType = string;
export interface SmsMfaConfigType {
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  SmsConfiguration?: SmsConfigurationType;
}
export type SmsVerificationMessageType = string;
export type SoftwareTokenMFAUserCodeType = string;
export interface SoftwareTokenMfaConfigType {
  Enabled?: BooleanType;
}
export interface SoftwareTokenMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}
export interface StartPointInTimeRecoveryRequest {
  UserPoolId: UserPoolIdType;
  RestoreId: RestoreIdType;
}
export interface StartPointInTimeRecoveryResponse {
  Restoration?: RestorationType;
}
export interface StartUserImportJobRequest {
  UserPoolId: UserPoolIdType;
  JobId: UserImportJobIdType;
}
export interface StartUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}
export interface StartWebAuthnRegistrationRequest {
  AccessToken: TokenModelType;
}
export interface StartWebAuthnRegistrationResponse {
  CredentialCreationOptions: DocumentShape;
}
export type StatusType = "Enabled" | "Disabled";
export interface StopUserImportJobRequest {
  UserPoolId: UserPoolIdType;
  JobId: UserImportJobIdType;
}
export interface StopUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}
export interface StringAttributeConstraintsType {
  MinLength?: StringType;
  MaxLength?: StringType;
}
export type StringToStringMapType = Record<string, StringType>;
export type StringType = string;
export type SupportedIdentityProvidersListType = ProviderNameType[];
export type TagKeysType = string;
export interface TagResourceRequest {
  ResourceArn: ArnType;
  Tags: UserPoolTagsType;
}
export interface TagResourceResponse {}
export type TagValueType = string;
export type TemporaryPasswordValidityDaysType = number;
export type TermsDescriptionListType = TermsDescriptionType[];
export interface TermsDescriptionType {
  TermsId: TermsIdType;
  TermsName: TermsNameType;
  Enforcement: TermsEnforcementType;
  CreationDate: DateType;
  LastModifiedDate: DateType;
}
export type TermsEnforcementType = "NONE";
export type TermsIdType = string;
export type TermsNameType = string;
export type TermsSourceType = "LINK";
export interface TermsType {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  TermsName: TermsNameType;
  TermsSource: TermsSourceType;
  Enforcement: TermsEnforcementType;
  Links: LinksType;
  CreationDate: DateType;
  LastModifiedDate: DateType;
}
export type TimeUnitsType = "seconds" | "minutes" | "hours" | "days";
export type TokenModelType = string;
export type TokenTypeIdentifierType = "ACCESS_TOKEN" | "ID_TOKEN" | "SAML2";
export interface TokenValidityUnitsType {
  AccessToken?: TimeUnitsType;
  IdToken?: TimeUnitsType;
  RefreshToken?: TimeUnitsType;
}
export interface UICustomizationType {
  UserPoolId?: UserPoolIdType;
  ClientId?: ClientIdType;
  ImageUrl?: ImageUrlType;
  CSS?: CSSType;
  CSSVersion?: CSSVersionType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
}
export type URLPatternListType = URLPatternType[];
export type URLPatternType = string;
export interface UntagResourceRequest {
  ResourceArn: ArnType;
  TagKeys: UserPoolTagsListType;
}
export interface UntagResourceResponse {}
export interface UpdateAuthEventFeedbackRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  EventId: EventIdType;
  FeedbackToken: TokenModelType;
  FeedbackValue: FeedbackValueType;
}
export interface UpdateAuthEventFeedbackResponse {}
export interface UpdateCIMDPolicyRequest {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
  ClientId: ClientIdType;
  PolicyName?: CIMDPolicyNameType;
  CacheDuration?: CacheDurationType;
  URLPatterns: URLPatternListType;
}
export interface UpdateCIMDPolicyResponse {
  CIMDPolicy: CIMDPolicyType;
}
export interface UpdateClientMetadataURLStateRequest {
  UserPoolId: UserPoolIdType;
  CIMDPolicyId: CIMDPolicyIdType;
  URL: MetadataURLType;
  Action: CIMDCacheActionType;
}
export interface UpdateClientMetadataURLStateResponse {}
export interface UpdateDeviceStatusRequest {
  AccessToken: TokenModelType;
  DeviceKey: DeviceKeyType;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}
export interface UpdateDeviceStatusResponse {}
export interface UpdateGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
  Description?: DescriptionType;
  RoleArn?: ArnType;
  Precedence?: PrecedenceType;
}
export interface UpdateGroupResponse {
  Group?: GroupType;
}
export interface UpdateIdentityProviderRequest {
  UserPoolId: UserPoolIdType;
  ProviderName: ProviderNameType;
  ProviderDetails?: ProviderDetailsType;
  AttributeMapping?: AttributeMappingType;
  IdpIdentifiers?: IdpIdentifiersListType;
  AcrMapping?: AcrMappingType;
}
export interface UpdateIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}
export interface UpdateManagedLoginBrandingRequest {
  UserPoolId?: UserPoolIdType;
  ManagedLoginBrandingId?: ManagedLoginBrandingIdType;
  UseCognitoProvidedValues?: BooleanType;
  Settings?: DocumentShape;
  Assets?: AssetListType;
}
export interface UpdateManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}
export interface UpdateProvisionedLimitRequest {
  LimitDefinition: LimitDefinitionType;
  RequestedLimitValue: IntegerType;
}
export interface UpdateProvisionedLimitResponse {
  Limit: LimitType;
}
export type UpdateReplicaStatusType = "ACTIVE" | "INACTIVE";
export interface UpdateResourceServerRequest {
  UserPoolId: UserPoolIdType;
  Identifier: ResourceServerIdentifierType;
  Name: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
}
export interface UpdateResourceServerResponse {
  ResourceServer: ResourceServerType;
}
export interface UpdateTermsRequest {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
  TermsName?: TermsNameType;
  TermsSource?: TermsSourceType;
  Enforcement?: TermsEnforcementType;
  Links?: LinksType;
}
export interface UpdateTermsResponse {
  Terms?: TermsType;
}
export interface UpdateUserAttributesRequest {
  UserAttributes: AttributeListType;
  AccessToken: TokenModelType;
  ClientMetadata?: ClientMetadataType;
}
export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsListType;
}
export interface UpdateUserPoolClientRequest {
  UserPoolId: UserPoolIdType;
  ClientId: ClientIdType;
  ClientName?: ClientNameType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  AccessTokenValidity?: AccessTokenValidityType;
  IdTokenValidity?: IdTokenValidityType;
  TokenValidityUnits?: TokenValidityUnitsType;
  ReadAttributes?: ClientPermissionListType;
  WriteAttributes?: ClientPermissionListType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  CallbackURLs?: CallbackURLsListType;
  LogoutURLs?: LogoutURLsListType;
  DefaultRedirectURI?: RedirectUrlType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthScopes?: ScopeListType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  EnableTokenRevocation?: WrappedBooleanType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  AuthSessionValidity?: AuthSessionValidityType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  PublishSecretsInAWSSecretsManager?: WrappedBooleanType;
}
export interface UpdateUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}
export interface UpdateUserPoolDomainRequest {
  Domain: DomainType;
  UserPoolId: UserPoolIdType;
  ManagedLoginVersion?: WrappedIntegerType;
  CustomDomainConfig?: CustomDomainConfigType;
  Routing?: RoutingType;
}
export interface UpdateUserPoolDomainResponse {
  ManagedLoginVersion?: WrappedIntegerType;
  CloudFrontDomain?: DomainType;
  Routing?: RoutingType;
}
export interface UpdateUserPoolReplicaRequest {
  UserPoolId: UserPoolIdType;
  RegionName: RegionNameType;
  Status: UpdateReplicaStatusType;
}
export interface UpdateUserPoolReplicaResponse {
  UserPoolReplica?: UserPoolReplicaType;
}
export interface UpdateUserPoolRequest {
  UserPoolId: UserPoolIdType;
  Policies?: UserPoolPolicyType;
  DeletionProtection?: DeletionProtectionType;
  LambdaConfig?: LambdaConfigType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  MfaConfiguration?: UserPoolMfaType;
  DeviceConfiguration?: DeviceConfigurationType;
  EmailConfiguration?: EmailConfigurationType;
  SmsConfiguration?: SmsConfigurationType;
  UserPoolTags?: UserPoolTagsType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  UserPoolAddOns?: UserPoolAddOnsType;
  DcrConfiguration?: DcrConfigurationType;
  AccountRecoverySetting?: AccountRecoverySettingType;
  PoolName?: UserPoolNameType;
  UserPoolTier?: UserPoolTierType;
  KeyConfiguration?: KeyConfigurationType;
  IssuerConfiguration?: IssuerConfigurationType;
  AcrConfiguration?: AcrConfigurationType;
}
export interface UpdateUserPoolResponse {}
export interface UserAttributeUpdateSettingsType {
  AttributesRequireVerificationBeforeUpdate?: AttributesRequireVerificationBeforeUpdateType;
}
export interface UserContextDataType {
  IpAddress?: StringType;
  EncodedData?: StringType;
}
export type UserFilterType = string;
export type UserImportJobIdType = string;
export type UserImportJobNameType = string;
export type UserImportJobStatusType = "Created" | "Pending" | "InProgress" | "Stopping" | "Expired" | "Stopped" | "Failed" | "Succeeded";
export interface UserImportJobType {
  JobName?: UserImportJobNameType;
  JobId?: UserImportJobIdType;
  UserPoolId?: UserPoolIdType;
  PreSignedUrl?: PreSignedUrlType;
  CreationDate?: DateType;
  StartDate?: DateType;
  CompletionDate?: DateType;
  Status?: UserImportJobStatusType;
  CloudWatchLogsRoleArn?: ArnType;
  ImportedUsers?: LongType;
  SkippedUsers?: LongType;
  FailedUsers?: LongType;
  CompletionMessage?: CompletionMessageType;
  PasswordHashingAlgorithm?: PasswordHashingAlgorithmType;
}
export type UserImportJobsListType = UserImportJobType[];
export type UserMFASettingListType = StringType[];
export interface UserPoolAddOnsType {
  AdvancedSecurityMode: AdvancedSecurityModeType;
  AdvancedSecurityAdditionalFlows?: AdvancedSecurityAdditionalFlowsType;
}
export interface UserPoolClientDescription {
  ClientId?: ClientIdType;
  UserPoolId?: UserPoolIdType;
  ClientName?: ClientNameType;
}
export type UserPoolClientListType = UserPoolClientDescription[];
export interface UserPoolClientType {
  UserPoolId?: UserPoolIdType;
  ClientName?: ClientNameType;
  ClientId?: ClientIdType;
  ClientSecret?: ClientSecretType;
  ClientSecretArn?: ClientSecretArnType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  AccessTokenValidity?: AccessTokenValidityType;
  IdTokenValidity?: IdTokenValidityType;
  TokenValidityUnits?: TokenValidityUnitsType;
  ReadAttributes?: ClientPermissionListType;
  WriteAttributes?: ClientPermissionListType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  CallbackURLs?: CallbackURLsListType;
  LogoutURLs?: LogoutURLsListType;
  DefaultRedirectURI?: RedirectUrlType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthScopes?: ScopeListType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  EnableTokenRevocation?: WrappedBooleanType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  AuthSessionValidity?: AuthSessionValidityType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  ClientType?: ClientTypeType;
}
export interface UserPoolDescriptionType {
  Id?: UserPoolIdType;
  Name?: UserPoolNameType;
  LambdaConfig?: LambdaConfigType;
  /** @deprecated This property is no longer available. */
  Status?: StatusType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
  ReplicaRegions?: ReplicaRegionsType;
}
export type UserPoolIdType = string;
export type UserPoolListType = UserPoolDescriptionType[];
export type UserPoolMfaType = "OFF" | "ON" | "OPTIONAL";
export type UserPoolNameType = string;
export interface UserPoolPolicyType {
  PasswordPolicy?: PasswordPolicyType;
  SignInPolicy?: SignInPolicyType;
}
export type UserPoolReplicaListType = UserPoolReplicaType[];
export interface UserPoolReplicaType {
  RegionName?: RegionNameType;
  Status?: ReplicaStatusType;
  Role?: ReplicaRoleType;
  UserPoolArn?: ArnType;
}
export type UserPoolTagsListType = TagKeysType[];
export type UserPoolTagsType = Record<string, TagValueType>;
export type UserPoolTierType = "LITE" | "ESSENTIALS" | "PLUS";
export interface UserPoolTokenSessionConfigType {
  MaxPerUser: MaxSessionsPerUserType;
}
export interface UserPoolType {
  Id?: UserPoolIdType;
  Name?: UserPoolNameType;
  Policies?: UserPoolPolicyType;
  DeletionProtection?: DeletionProtectionType;
  LambdaConfig?: LambdaConfigType;
  /** @deprecated This property is no longer available. */
  Status?: StatusType;
  LastModifiedDate?: DateType;
  CreationDate?: DateType;
  SchemaAttributes?: SchemaAttributesListType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  AliasAttributes?: AliasAttributesListType;
  UsernameAttributes?: UsernameAttributesListType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  MfaConfiguration?: UserPoolMfaType;
  DeviceConfiguration?: DeviceConfigurationType;
  EstimatedNumberOfUsers?: IntegerType;
  EmailConfiguration?: EmailConfigurationType;
  SmsConfiguration?: SmsConfigurationType;
  UserPoolTags?: UserPoolTagsType;
  SmsConfigurationFailure?: StringType;
  EmailConfigurationFailure?: StringType;
  Domain?: DomainType;
  CustomDomain?: DomainType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  UserPoolAddOns?: UserPoolAddOnsType;
  DcrConfiguration?: DcrConfigurationType;
  UsernameConfiguration?: UsernameConfigurationType;
  Arn?: ArnType;
  AccountRecoverySetting?: AccountRecoverySettingType;
  UserPoolTier?: UserPoolTierType;
  KeyConfiguration?: KeyConfigurationType;
  IssuerConfiguration?: IssuerConfigurationType;
  AcrConfiguration?: AcrConfigurationType;
}
export type UserSessionTrackingType = "ENABLED" | "DISABLED";
export type UserStatusType = "UNCONFIRMED" | "CONFIRMED" | "ARCHIVED" | "COMPROMISED" | "UNKNOWN" | "RESET_REQUIRED" | "FORCE_CHANGE_PASSWORD" | "EXTERNAL_PROVIDER";
export interface UserType {
  Username?: UsernameType;
  Attributes?: AttributeListType;
  UserCreateDate?: DateType;
  UserLastModifiedDate?: DateType;
  Enabled?: BooleanType;
  UserStatus?: UserStatusType;
  MFAOptions?: MFAOptionListType;
}
export type UserVerificationType = "required" | "preferred";
export type UsernameAttributeType = "phone_number" | "email";
export type UsernameAttributesListType = UsernameAttributeType[];
export interface UsernameConfigurationType {
  CaseSensitive: WrappedBooleanType;
}
export type UsernameType = string;
export type UsersListType = UserType[];
export interface VerificationMessageTemplateType {
  SmsMessage?: SmsVerificationMessageType;
  EmailMessage?: EmailVerificationMessageType;
  EmailSubject?: EmailVerificationSubjectType;
  EmailMessageByLink?: EmailVerificationMessageByLinkType;
  EmailSubjectByLink?: EmailVerificationSubjectByLinkType;
  DefaultEmailOption?: DefaultEmailOptionType;
}
export type VerifiedAttributeType = "phone_number" | "email";
export type VerifiedAttributesListType = VerifiedAttributeType[];
export interface VerifySoftwareTokenRequest {
  AccessToken?: TokenModelType;
  Session?: SessionType;
  UserCode: SoftwareTokenMFAUserCodeType;
  FriendlyDeviceName?: StringType;
}
export interface VerifySoftwareTokenResponse {
  Status?: VerifySoftwareTokenResponseType;
  Session?: SessionType;
}
export type VerifySoftwareTokenResponseType = "SUCCESS" | "ERROR";
export interface VerifyUserAttributeRequest {
  AccessToken: TokenModelType;
  AttributeName: AttributeNameType;
  Code: ConfirmationCodeType;
}
export interface VerifyUserAttributeResponse {}
export type WebAuthnAuthenticatorAttachmentType = string;
export type WebAuthnAuthenticatorTransportType = string;
export type WebAuthnAuthenticatorTransportsList = WebAuthnAuthenticatorTransportType[];
export interface WebAuthnConfigurationType {
  RelyingPartyId?: RelyingPartyIdType;
  UserVerification?: UserVerificationType;
  FactorConfiguration?: WebAuthnFactorConfigurationType;
}
export interface WebAuthnCredentialDescription {
  CredentialId: StringType;
  FriendlyCredentialName: StringType;
  RelyingPartyId: StringType;
  AuthenticatorAttachment?: WebAuthnAuthenticatorAttachmentType;
  AuthenticatorTransports: WebAuthnAuthenticatorTransportsList;
  CreatedAt: DateType;
}
export type WebAuthnCredentialDescriptionListType = WebAuthnCredentialDescription[];
export type WebAuthnCredentialsQueryLimitType = number;
export type WebAuthnFactorConfigurationType = "SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION";
export interface WebAuthnMfaSettingsType {
  Enabled?: BooleanType;
}
export type WrappedBooleanType = boolean;
export type WrappedIntegerType = number;
