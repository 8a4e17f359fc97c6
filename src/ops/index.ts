/** The operation registry: name → handler factory. The auth kind of each comes from the generated model. */
import type { OperationName } from "../generated/cognito-idp.js";
import AdminAddUserToGroup from "./AdminAddUserToGroup.js";
import AdminConfirmSignUp from "./AdminConfirmSignUp.js";
import AdminCreateUser from "./AdminCreateUser.js";
import AdminDeleteUser from "./AdminDeleteUser.js";
import AdminDeleteUserAttributes from "./AdminDeleteUserAttributes.js";
import AdminDisableUser from "./AdminDisableUser.js";
import AdminEnableUser from "./AdminEnableUser.js";
import AdminGetUser from "./AdminGetUser.js";
import AdminInitiateAuth from "./AdminInitiateAuth.js";
import AdminListGroupsForUser from "./AdminListGroupsForUser.js";
import AdminRemoveUserFromGroup from "./AdminRemoveUserFromGroup.js";
import AdminResetUserPassword from "./AdminResetUserPassword.js";
import AdminRespondToAuthChallenge from "./AdminRespondToAuthChallenge.js";
import AdminSetUserPassword from "./AdminSetUserPassword.js";
import AdminUpdateUserAttributes from "./AdminUpdateUserAttributes.js";
import AdminUserGlobalSignOut from "./AdminUserGlobalSignOut.js";
import ChangePassword from "./ChangePassword.js";
import ConfirmForgotPassword from "./ConfirmForgotPassword.js";
import ConfirmSignUp from "./ConfirmSignUp.js";
import CreateGroup from "./CreateGroup.js";
import CreateUserPool from "./CreateUserPool.js";
import CreateUserPoolClient from "./CreateUserPoolClient.js";
import DeleteGroup from "./DeleteGroup.js";
import DeleteUser from "./DeleteUser.js";
import DeleteUserAttributes from "./DeleteUserAttributes.js";
import DeleteUserPool from "./DeleteUserPool.js";
import DeleteUserPoolClient from "./DeleteUserPoolClient.js";
import DescribeUserPool from "./DescribeUserPool.js";
import DescribeUserPoolClient from "./DescribeUserPoolClient.js";
import ForgotPassword from "./ForgotPassword.js";
import GetGroup from "./GetGroup.js";
import GetTokensFromRefreshToken from "./GetTokensFromRefreshToken.js";
import GetUser from "./GetUser.js";
import GetUserAttributeVerificationCode from "./GetUserAttributeVerificationCode.js";
import GlobalSignOut from "./GlobalSignOut.js";
import InitiateAuth from "./InitiateAuth.js";
import ListGroups from "./ListGroups.js";
import ListUserPoolClients from "./ListUserPoolClients.js";
import ListUserPools from "./ListUserPools.js";
import ListUsers from "./ListUsers.js";
import ListUsersInGroup from "./ListUsersInGroup.js";
import ResendConfirmationCode from "./ResendConfirmationCode.js";
import RespondToAuthChallenge from "./RespondToAuthChallenge.js";
import RevokeToken from "./RevokeToken.js";
import SignUp from "./SignUp.js";
import UpdateGroup from "./UpdateGroup.js";
import UpdateUserAttributes from "./UpdateUserAttributes.js";
import UpdateUserPool from "./UpdateUserPool.js";
import UpdateUserPoolClient from "./UpdateUserPoolClient.js";
import VerifyUserAttribute from "./VerifyUserAttribute.js";
import CreateResourceServer from "./CreateResourceServer.js";
import CreateUserPoolDomain from "./CreateUserPoolDomain.js";
import DeleteResourceServer from "./DeleteResourceServer.js";
import DeleteUserPoolDomain from "./DeleteUserPoolDomain.js";
import DescribeResourceServer from "./DescribeResourceServer.js";
import DescribeUserPoolDomain from "./DescribeUserPoolDomain.js";
import ListResourceServers from "./ListResourceServers.js";
import UpdateResourceServer from "./UpdateResourceServer.js";
import UpdateUserPoolDomain from "./UpdateUserPoolDomain.js";
import type { Deps, Handler, HandlerFactory } from "./deps.js";

export const registry: Partial<Record<OperationName, HandlerFactory>> = {
  AdminAddUserToGroup, AdminConfirmSignUp, AdminCreateUser, AdminDeleteUser, AdminDeleteUserAttributes,
  AdminDisableUser, AdminEnableUser, AdminGetUser, AdminInitiateAuth, AdminListGroupsForUser,
  AdminRemoveUserFromGroup, AdminResetUserPassword, AdminRespondToAuthChallenge, AdminSetUserPassword,
  AdminUpdateUserAttributes, AdminUserGlobalSignOut, ChangePassword, ConfirmForgotPassword, ConfirmSignUp,
  CreateGroup, CreateUserPool, CreateUserPoolClient, DeleteGroup, DeleteUser, DeleteUserAttributes, DeleteUserPool,
  DeleteUserPoolClient, DescribeUserPool, DescribeUserPoolClient, ForgotPassword, GetGroup,
  GetTokensFromRefreshToken, GetUser, GetUserAttributeVerificationCode, GlobalSignOut, InitiateAuth, ListGroups,
  ListUserPoolClients, ListUserPools, ListUsers, ListUsersInGroup, ResendConfirmationCode, RespondToAuthChallenge,
  RevokeToken, SignUp, UpdateGroup, UpdateUserAttributes, UpdateUserPool, UpdateUserPoolClient, VerifyUserAttribute,
  // Issue 14, part 2: domains and resource servers.
  CreateResourceServer, CreateUserPoolDomain, DeleteResourceServer, DeleteUserPoolDomain, DescribeResourceServer,
  DescribeUserPoolDomain, ListResourceServers, UpdateResourceServer, UpdateUserPoolDomain,
};

export const implementedOperations = () => Object.keys(registry).sort() as OperationName[];

export function createHandlers(deps: Deps): Map<string, Handler> {
  return new Map(Object.entries(registry).map(([name, factory]) => [name, factory!(deps)]));
}
