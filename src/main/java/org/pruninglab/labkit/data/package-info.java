/** Fashion-MNIST (and MNIST) from Debian's idx files: reading, normalising, batching. */
package org.pruninglab.labkit.data;
