/** The application shell: page settings, layout and navigation, home and access-denied pages. */
package org.pruninglab.shell.ui;
