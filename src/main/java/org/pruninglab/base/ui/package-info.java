/** The application shell: layout, navigation, home and error pages. */
package org.pruninglab.base.ui;
