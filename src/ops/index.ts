/** The operation registry: name → handler factory. The auth kind of each comes from the generated model. */
import type { OperationName } from "../generated/cognito-idp.js";
import AdminConfirmSignUp from "./AdminConfirmSignUp.js";
import AdminCreateUser from "./AdminCreateUser.js";
import AdminDeleteUser from "./AdminDeleteUser.js";
import AdminDisableUser from "./AdminDisableUser.js";
import AdminEnableUser from "./AdminEnableUser.js";
import AdminGetUser from "./AdminGetUser.js";
import AdminUserGlobalSignOut from "./AdminUserGlobalSignOut.js";
import AdminInitiateAuth from "./AdminInitiateAuth.js";
import AdminRespondToAuthChallenge from "./AdminRespondToAuthChallenge.js";
import AdminSetUserPassword from "./AdminSetUserPassword.js";
import ConfirmSignUp from "./ConfirmSignUp.js";
import CreateUserPool from "./CreateUserPool.js";
import CreateUserPoolClient from "./CreateUserPoolClient.js";
import DeleteUser from "./DeleteUser.js";
import DeleteUserPool from "./DeleteUserPool.js";
import DeleteUserPoolClient from "./DeleteUserPoolClient.js";
import DescribeUserPool from "./DescribeUserPool.js";
import DescribeUserPoolClient from "./DescribeUserPoolClient.js";
import GetTokensFromRefreshToken from "./GetTokensFromRefreshToken.js";
import GetUser from "./GetUser.js";
import GlobalSignOut from "./GlobalSignOut.js";
import InitiateAuth from "./InitiateAuth.js";
import ListUserPoolClients from "./ListUserPoolClients.js";
import ListUserPools from "./ListUserPools.js";
import ListUsers from "./ListUsers.js";
import ResendConfirmationCode from "./ResendConfirmationCode.js";
import RevokeToken from "./RevokeToken.js";
import RespondToAuthChallenge from "./RespondToAuthChallenge.js";
import SignUp from "./SignUp.js";
import UpdateUserPool from "./UpdateUserPool.js";
import UpdateUserPoolClient from "./UpdateUserPoolClient.js";
import type { Deps, Handler, HandlerFactory } from "./deps.js";

export const registry: Partial<Record<OperationName, HandlerFactory>> = {
  AdminConfirmSignUp, AdminDeleteUser, AdminGetUser, ConfirmSignUp, CreateUserPool, CreateUserPoolClient, DeleteUserPool,
  DeleteUserPoolClient, DescribeUserPool, DescribeUserPoolClient, GetUser, InitiateAuth, ListUserPoolClients, ListUserPools,
  ListUsers, ResendConfirmationCode, SignUp, UpdateUserPool, UpdateUserPoolClient,
  // Sign-out, revocation, disabled users (issue 11)
  AdminDisableUser, AdminEnableUser, AdminUserGlobalSignOut, DeleteUser, GetTokensFromRefreshToken, GlobalSignOut, RevokeToken,
  // issue 11, sign-in challenges:
  AdminCreateUser, AdminInitiateAuth, AdminRespondToAuthChallenge, AdminSetUserPassword, RespondToAuthChallenge,
};

export const implementedOperations = () => Object.keys(registry).sort() as OperationName[];

export function createHandlers(deps: Deps): Map<string, Handler> {
  return new Map(Object.entries(registry).map(([name, factory]) => [name, factory!(deps)]));
}
