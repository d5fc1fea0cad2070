# shell/sh/sh.mk - Duplex's shell.
#
# Included by the top-level Makefile. SH_SRC is the shell's source for
# every target; here it is also built for the host, as an ordinary Linux
# program with the sanitizers, to develop it and run the transcripts
# before Duplex runs it (tools/transcripts-host.sh).

SH_SRC   := $(wildcard shell/sh/*.c)
SH_HDR   := $(wildcard shell/sh/*.h)
SH_HOST  := $(BUILD)/host/sh
SH_HOST_FLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer \
                 -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: sh-host transcripts-host
sh-host: $(SH_HOST)

$(SH_HOST): $(SH_SRC) $(SH_HDR)
	@mkdir -p $(dir $@)
	$(CC_HOST) $(SH_HOST_FLAGS) -o $@ $(SH_SRC)

transcripts-host: $(SH_HOST)
	tools/transcripts-host.sh
