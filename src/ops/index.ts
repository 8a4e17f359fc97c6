/** The operation registry: name → handler factory. The auth kind of each comes from the generated model. */
import type { OperationName } from "../generated/cognito-idp.js";
import AdminConfirmSignUp from "./AdminConfirmSignUp.js";
import AdminCreateUser from "./AdminCreateUser.js";
import AdminDeleteUser from "./AdminDeleteUser.js";
import AdminDeleteUserAttributes from "./AdminDeleteUserAttributes.js";
import AdminDisableUser from "./AdminDisableUser.js";
import AdminEnableUser from "./AdminEnableUser.js";
import AdminGetUser from "./AdminGetUser.js";
import AdminInitiateAuth from "./AdminInitiateAuth.js";
import AdminResetUserPassword from "./AdminResetUserPassword.js";
import AdminRespondToAuthChallenge from "./AdminRespondToAuthChallenge.js";
import AdminSetUserPassword from "./AdminSetUserPassword.js";
import AdminUpdateUserAttributes from "./AdminUpdateUserAttributes.js";
import AdminUserGlobalSignOut from "./AdminUserGlobalSignOut.js";
import ChangePassword from "./ChangePassword.js";
import ConfirmForgotPassword from "./ConfirmForgotPassword.js";
import ConfirmSignUp from "./ConfirmSignUp.js";
import CreateUserPool from "./CreateUserPool.js";
import CreateUserPoolClient from "./CreateUserPoolClient.js";
import DeleteUser from "./DeleteUser.js";
import DeleteUserAttributes from "./DeleteUserAttributes.js";
import DeleteUserPool from "./DeleteUserPool.js";
import DeleteUserPoolClient from "./DeleteUserPoolClient.js";
import DescribeUserPool from "./DescribeUserPool.js";
import DescribeUserPoolClient from "./DescribeUserPoolClient.js";
import ForgotPassword from "./ForgotPassword.js";
import GetTokensFromRefreshToken from "./GetTokensFromRefreshToken.js";
import GetUser from "./GetUser.js";
import GetUserAttributeVerificationCode from "./GetUserAttributeVerificationCode.js";
import GlobalSignOut from "./GlobalSignOut.js";
import InitiateAuth from "./InitiateAuth.js";
import ListUserPoolClients from "./ListUserPoolClients.js";
import ListUserPools from "./ListUserPools.js";
import ListUsers from "./ListUsers.js";
import ResendConfirmationCode from "./ResendConfirmationCode.js";
import RespondToAuthChallenge from "./RespondToAuthChallenge.js";
import RevokeToken from "./RevokeToken.js";
import SignUp from "./SignUp.js";
import UpdateUserAttributes from "./UpdateUserAttributes.js";
import UpdateUserPool from "./UpdateUserPool.js";
import UpdateUserPoolClient from "./UpdateUserPoolClient.js";
import VerifyUserAttribute from "./VerifyUserAttribute.js";
import type { Deps, Handler, HandlerFactory } from "./deps.js";

export const registry: Partial<Record<OperationName, HandlerFactory>> = {
  AdminConfirmSignUp, AdminCreateUser, AdminDeleteUser, AdminDeleteUserAttributes, AdminDisableUser, AdminEnableUser,
  AdminGetUser, AdminInitiateAuth, AdminResetUserPassword, AdminRespondToAuthChallenge, AdminSetUserPassword,
  AdminUpdateUserAttributes, AdminUserGlobalSignOut, ChangePassword, ConfirmForgotPassword, ConfirmSignUp,
  CreateUserPool, CreateUserPoolClient, DeleteUser, DeleteUserAttributes, DeleteUserPool, DeleteUserPoolClient,
  DescribeUserPool, DescribeUserPoolClient, ForgotPassword, GetTokensFromRefreshToken, GetUser,
  GetUserAttributeVerificationCode, GlobalSignOut, InitiateAuth, ListUserPoolClients, ListUserPools, ListUsers,
  ResendConfirmationCode, RespondToAuthChallenge, RevokeToken, SignUp, UpdateUserAttributes, UpdateUserPool,
  UpdateUserPoolClient, VerifyUserAttribute,
};

export const implementedOperations = () => Object.keys(registry).sort() as OperationName[];

export function createHandlers(deps: Deps): Map<string, Handler> {
  return new Map(Object.entries(registry).map(([name, factory]) => [name, factory!(deps)]));
}
