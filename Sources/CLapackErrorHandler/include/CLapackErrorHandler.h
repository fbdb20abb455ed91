#ifndef CLAPACK_ERROR_HANDLER_H
#define CLAPACK_ERROR_HANDLER_H

#include <stddef.h>

// LAPACK's and BLAS's error handler, called when a routine is given an
// illegal argument. Defined in C so that the Fortran one in Debian's
// liblapack.a / libblas.a (which needs libgfortran) is never linked into the
// static release; see xerbla.c. Nothing in Swift calls it.
void xerbla_(const char *routine, const int *argument, size_t routine_length);

#endif
