/** The operation registry: name → handler factory. The auth kind of each comes from the generated model. */
import type { OperationName } from "../generated/cognito-idp.js";
import AdminConfirmSignUp from "./AdminConfirmSignUp.js";
import AdminDeleteUser from "./AdminDeleteUser.js";
import AdminGetUser from "./AdminGetUser.js";
import AdminResetUserPassword from "./AdminResetUserPassword.js";
import ChangePassword from "./ChangePassword.js";
import ConfirmForgotPassword from "./ConfirmForgotPassword.js";
import ConfirmSignUp from "./ConfirmSignUp.js";
import CreateUserPool from "./CreateUserPool.js";
import CreateUserPoolClient from "./CreateUserPoolClient.js";
import DeleteUserPool from "./DeleteUserPool.js";
import DeleteUserPoolClient from "./DeleteUserPoolClient.js";
import DescribeUserPool from "./DescribeUserPool.js";
import DescribeUserPoolClient from "./DescribeUserPoolClient.js";
import ForgotPassword from "./ForgotPassword.js";
import GetUser from "./GetUser.js";
import InitiateAuth from "./InitiateAuth.js";
import ListUserPoolClients from "./ListUserPoolClients.js";
import ListUserPools from "./ListUserPools.js";
import ListUsers from "./ListUsers.js";
import ResendConfirmationCode from "./ResendConfirmationCode.js";
import SignUp from "./SignUp.js";
import UpdateUserPool from "./UpdateUserPool.js";
import UpdateUserPoolClient from "./UpdateUserPoolClient.js";
import type { Deps, Handler, HandlerFactory } from "./deps.js";

export const registry: Partial<Record<OperationName, HandlerFactory>> = {
  AdminConfirmSignUp, AdminDeleteUser, AdminGetUser, AdminResetUserPassword, ChangePassword, ConfirmForgotPassword, ConfirmSignUp, CreateUserPool, CreateUserPoolClient, DeleteUserPool,
  DeleteUserPoolClient, DescribeUserPool, DescribeUserPoolClient, ForgotPassword, GetUser, InitiateAuth, ListUserPoolClients, ListUserPools,
  ListUsers, ResendConfirmationCode, SignUp, UpdateUserPool, UpdateUserPoolClient,
};

export const implementedOperations = () => Object.keys(registry).sort() as OperationName[];

export function createHandlers(deps: Deps): Map<string, Handler> {
  return new Map(Object.entries(registry).map(([name, factory]) => [name, factory!(deps)]));
}
