package io.coffer.nft;

/** The token standards of EVM NFTs: one holder per ERC-721 token, amounts per holder for ERC-1155. */
public enum NftStandard {
    ERC721, ERC1155
}
