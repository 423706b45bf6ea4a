@NullMarked
package org.diplomaticcontacts.official;

import org.jspecify.annotations.NullMarked;
