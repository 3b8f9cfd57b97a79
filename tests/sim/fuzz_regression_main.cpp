// Runs every file of the fuzz corpus (and a few generated edge cases) through the fuzz entry
// point, so the parser's crash-freedom is checked on every test run, not only when fuzzing.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> dirs;
    for (int i = 1; i < argc; ++i)
        dirs.emplace_back(argv[i]);
    if (dirs.empty())
        dirs.emplace_back(KILLSCOPE_FUZZ_CORPUS);
    int count = 0;
    for (const auto &dir : dirs) {
        std::vector<std::filesystem::path> files;
        for (const auto &e : std::filesystem::directory_iterator(dir))
            if (e.is_regular_file())
                files.push_back(e.path());
        for (const auto &e : std::filesystem::directory_iterator(KILLSCOPE_SCENARIO_DIR))
            if (e.is_regular_file() && e.path().extension() == ".json" && dir == dirs.front())
                files.push_back(e.path());
        for (const auto &f : files) {
            std::ifstream in(f, std::ios::binary);
            const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.data()), data.size());
            // Every prefix of a valid scenario is a good truncation test.
            if (f.extension() == ".json")
                for (size_t cut = 0; cut < data.size(); cut += 97)
                    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.data()), cut);
            ++count;
        }
    }
    // Deep nesting must not overflow the stack.
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(deep.data()), deep.size());
    std::printf("fuzz regression: %d corpus files OK\n", count);
    return count > 0 ? 0 : 1;
}
