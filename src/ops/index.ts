/** The operation registry: name → handler factory. The auth kind of each comes from the generated model. */
import type { OperationName } from "../generated/cognito-idp.js";
import AdminAddUserToGroup from "./AdminAddUserToGroup.js";
import AdminConfirmSignUp from "./AdminConfirmSignUp.js";
import AdminDeleteUser from "./AdminDeleteUser.js";
import AdminGetUser from "./AdminGetUser.js";
import AdminListGroupsForUser from "./AdminListGroupsForUser.js";
import AdminRemoveUserFromGroup from "./AdminRemoveUserFromGroup.js";
import ConfirmSignUp from "./ConfirmSignUp.js";
import CreateGroup from "./CreateGroup.js";
import CreateUserPool from "./CreateUserPool.js";
import CreateUserPoolClient from "./CreateUserPoolClient.js";
import DeleteGroup from "./DeleteGroup.js";
import DeleteUserPool from "./DeleteUserPool.js";
import DeleteUserPoolClient from "./DeleteUserPoolClient.js";
import DescribeUserPool from "./DescribeUserPool.js";
import DescribeUserPoolClient from "./DescribeUserPoolClient.js";
import GetGroup from "./GetGroup.js";
import GetUser from "./GetUser.js";
import InitiateAuth from "./InitiateAuth.js";
import ListGroups from "./ListGroups.js";
import ListUserPoolClients from "./ListUserPoolClients.js";
import ListUserPools from "./ListUserPools.js";
import ListUsers from "./ListUsers.js";
import ListUsersInGroup from "./ListUsersInGroup.js";
import ResendConfirmationCode from "./ResendConfirmationCode.js";
import SignUp from "./SignUp.js";
import UpdateGroup from "./UpdateGroup.js";
import UpdateUserPool from "./UpdateUserPool.js";
import UpdateUserPoolClient from "./UpdateUserPoolClient.js";
import type { Deps, Handler, HandlerFactory } from "./deps.js";

export const registry: Partial<Record<OperationName, HandlerFactory>> = {
  AdminConfirmSignUp, AdminDeleteUser, AdminGetUser, ConfirmSignUp, CreateUserPool, CreateUserPoolClient, DeleteUserPool,
  DeleteUserPoolClient, DescribeUserPool, DescribeUserPoolClient, GetUser, InitiateAuth, ListUserPoolClients, ListUserPools,
  ListUsers, ResendConfirmationCode, SignUp, UpdateUserPool, UpdateUserPoolClient,
  // Groups
  AdminAddUserToGroup, AdminListGroupsForUser, AdminRemoveUserFromGroup, CreateGroup, DeleteGroup, GetGroup, ListGroups,
  ListUsersInGroup, UpdateGroup,
};

export const implementedOperations = () => Object.keys(registry).sort() as OperationName[];

export function createHandlers(deps: Deps): Map<string, Handler> {
  return new Map(Object.entries(registry).map(([name, factory]) => [name, factory!(deps)]));
}
