/** What every feature may use and which depends on none: lab-wide settings and the clock. */
package org.pruninglab.base;
