'use strict';
// Child of the require benchmark: the baseline script file, which loads nothing.
