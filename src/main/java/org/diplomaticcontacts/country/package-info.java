@NullMarked
package org.diplomaticcontacts.country;

import org.jspecify.annotations.NullMarked;
