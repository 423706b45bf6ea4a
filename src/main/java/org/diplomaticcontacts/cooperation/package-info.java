@NullMarked
package org.diplomaticcontacts.cooperation;

import org.jspecify.annotations.NullMarked;
