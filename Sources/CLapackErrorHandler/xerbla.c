// LAPACK's error handler, `xerbla_`, in C.
//
// Why: CLP (inside COIN-OR CBC, the solver of the disclosure auditor) factors
// dense matrices with LAPACK (dgetrf/dgetrs). Debian's reference LAPACK and BLAS
// are Fortran; of all the objects CLP pulls from liblapack.a and libblas.a, only
// the Fortran `xerbla` needs the Fortran runtime (libgfortran: its WRITE and
// STOP), and libgfortran has no static archive in Debian and would bring the
// LGPL libquadmath. With this definition in the program, the linker never takes
// xerbla.o from the archives, and tools/release links CBC statically with
// nothing but the C library family left shared. In the debug build (shared
// libraries) the program's definition simply stands in for liblapack.so's.
//
// What: the same as reference LAPACK's: the message, then stop. It is reached
// only when CLP passes LAPACK an illegal argument (a bug, never bad input).
// Returning instead (as OpenBLAS does) would let the auditor go on with a
// factorization that was never computed, and a wrong bound could publish a
// count that must be withheld; stopping with a failure status publishes nothing
// more.
#include "CLapackErrorHandler.h"

#include <stdio.h>
#include <stdlib.h>

void xerbla_(const char *routine, const int *argument, size_t routine_length) {
    // Fortran pads the name with blanks to its declared length.
    int length = (int)routine_length;
    while (length > 0 && routine[length - 1] == ' ') length--;
    fprintf(stderr,
            "citywide: internal error: the LAPACK routine %.*s was given an illegal "
            "value in parameter %d (report this as a bug)\n",
            length, routine, *argument);
    exit(EXIT_FAILURE);
}
