/*
 * libsrtp 3 API compatibility layer over Debian 12's libsrtp 2.5
 * (package libsrtp2-dev, header <srtp2/srtp.h>).
 *
 * Part of the Hatchery mediasoup-worker build recipe
 * (scripts/mediasoup-worker/build.sh). The mediasoup worker (3.16+) includes
 * <srtp.h> and is written against libsrtp 3, whose protect/unprotect calls
 * take separate in/out buffers with size_t lengths:
 *
 *   srtp_protect(ctx, in, in_len, out, &out_len, mki_index)
 *   srtp_unprotect(ctx, in, in_len, out, &out_len)
 *   (same shape for the _rtcp variants)
 *
 * libsrtp 2 works in place on one buffer with an `int*` length. The overloads
 * below copy in -> out (when they differ), check that `out` has room for the
 * largest trailer libsrtp may append, call the in-place libsrtp 2 function and
 * write the resulting length back. Only mki_index 0 is supported (mediasoup
 * never uses MKI).
 *
 * This header is C++ only (the mediasoup worker is C++17); it sits first on
 * the include path so that `#include <srtp.h>` resolves here.
 */
#ifndef HATCHERY_SRTP3_COMPAT_H
#define HATCHERY_SRTP3_COMPAT_H

#ifndef __cplusplus
#error "hatchery libsrtp3 compat header requires C++"
#endif

#include <srtp2/srtp.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

/* Error codes added in libsrtp 3 (same numeric values as libsrtp 3). */
static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

namespace hatchery_srtp3_compat
{
	using InPlaceFn = srtp_err_status_t (*)(srtp_t, void*, int*);

	inline srtp_err_status_t Apply(
	  InPlaceFn fn,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t extraRoom)
	{
		if (in == nullptr || out == nullptr || outLen == nullptr)
		{
			return srtp_err_status_bad_param;
		}

		// libsrtp 2 assumes it may write up to `extraRoom` bytes past the input.
		if (inLen > static_cast<size_t>(INT_MAX) - extraRoom || *outLen < inLen + extraRoom)
		{
			return srtp_err_status_buffer_small;
		}

		if (out != in)
		{
			std::memmove(out, in, inLen);
		}

		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);

		if (err != srtp_err_status_ok)
		{
			return err;
		}

		if (len < 0)
		{
			return srtp_err_status_fail;
		}

		*outLen = static_cast<size_t>(len);

		return srtp_err_status_ok;
	}
} // namespace hatchery_srtp3_compat

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtp_len, uint8_t* srtp, size_t* srtp_len, size_t mki_index)
{
	if (mki_index != 0)
	{
		return srtp_err_status_bad_mki;
	}

	return hatchery_srtp3_compat::Apply(
	  ::srtp_protect, ctx, rtp, rtp_len, srtp, srtp_len, SRTP_MAX_TRAILER_LEN);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtp_len, uint8_t* rtp, size_t* rtp_len)
{
	// Unprotecting only ever shrinks the packet.
	return hatchery_srtp3_compat::Apply(::srtp_unprotect, ctx, srtp, srtp_len, rtp, rtp_len, 0);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcp_len, uint8_t* srtcp, size_t* srtcp_len, size_t mki_index)
{
	if (mki_index != 0)
	{
		return srtp_err_status_bad_mki;
	}

	// SRTCP adds the 4-byte E flag + SRTCP index on top of the trailer.
	return hatchery_srtp3_compat::Apply(
	  ::srtp_protect_rtcp, ctx, rtcp, rtcp_len, srtcp, srtcp_len, SRTP_MAX_TRAILER_LEN + 4);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcp_len, uint8_t* rtcp, size_t* rtcp_len)
{
	return hatchery_srtp3_compat::Apply(
	  ::srtp_unprotect_rtcp, ctx, srtcp, srtcp_len, rtcp, rtcp_len, 0);
}

/* libsrtp 3 renamed srtp_remove_stream() to srtp_stream_remove(). */
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#endif /* HATCHERY_SRTP3_COMPAT_H */
