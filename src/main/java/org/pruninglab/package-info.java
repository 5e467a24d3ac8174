/** Pruning Lab: a web lab in which students implement neural-network pruning in Java. */
package org.pruninglab;
