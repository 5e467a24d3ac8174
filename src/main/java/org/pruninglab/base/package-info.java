/** What every feature shares: typed lab-wide configuration and the clock. */
package org.pruninglab.base;
