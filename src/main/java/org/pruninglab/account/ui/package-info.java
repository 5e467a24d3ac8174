/** Sign-in, password change and roster pages. */
package org.pruninglab.account.ui;
