@NullMarked
package org.diplomaticcontacts.shared;

import org.jspecify.annotations.NullMarked;
