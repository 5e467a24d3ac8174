/**
 * Accounts, roles, sign-in, passwords, the course roster and the one definition of the course's
 * students; owns the {@code account} and {@code access_refusal} tables.
 */
package org.pruninglab.account;
