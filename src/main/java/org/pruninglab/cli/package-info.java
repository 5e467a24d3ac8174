/** Command-line commands of the application jar; they print their results. */
package org.pruninglab.cli;
