/** Accounts, roles, sign-in, passwords and the course roster. */
package org.pruninglab.account;
