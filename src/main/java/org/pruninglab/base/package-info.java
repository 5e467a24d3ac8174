/**
 * What every feature may use and which depends on none: lab-wide settings, the clock, the data
 * directory, and the plain error page and error ids for whatever goes wrong unexpectedly.
 */
package org.pruninglab.base;
