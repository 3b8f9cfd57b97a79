// The headless entry point on its own, so the tests can drive `--headless` without the GUI
// executable (the real program calls ks::runHeadless from ui/main.cpp).

#include "headless.h"

int main(int argc, char **argv)
{
    return ks::runHeadless(argc, argv);
}
