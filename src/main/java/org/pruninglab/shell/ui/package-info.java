/**
 * The application shell: page settings, layout and navigation, home, access-denied and error pages.
 */
package org.pruninglab.shell.ui;
