questions = [
    {
        'Main question': 'What are the key functions in Pandas for merging DataFrames, and how do they differ?',
        'Explanation': 'The candidate should explain the functionalities of merge, join, and concat in Pandas for merging DataFrames based on common keys or indices, highlighting the distinctions in usage, performance, and output.',
        'Follow-up questions': ['Can you elaborate on the parameters that can be specified in the merge function for customizing the merge operation?', 'How does the join function in Pandas compare to the merge function in terms of functionality and flexibility?', 'What considerations should be taken into account when choosing between concat and merge for combining DataFrames in Pandas?']
    },
    {
        'Main question': 'When should the merge function be preferred over the join function in Pandas?',
        'Explanation': 'The candidate should discuss the scenarios where using merge would be more suitable than join for merging DataFrames in Pandas, considering factors like index alignment, handling duplicates, and different types of joins.',
        'Follow-up questions': ['What are the implications of using inner, outer, left, and right joins in the merge function for combining DataFrames?', 'How does the merge function handle overlapping column names from the input DataFrames?', 'Can you provide examples where specifying the on, how, and suffixes parameters in the merge function can resolve common merging challenges?']
    },
    {
        'Main question': 'Explain the concept of index alignment in the context of merging DataFrames using join in Pandas.',
        'Explanation': 'The candidate should clarify how index alignment works in Pandas when using the join function to merge DataFrames, emphasizing the role of the index labels in determining the merged output.',
        'Follow-up questions': ['How does the join function handle hierarchical indices or multi-level indices during the merging process?', 'What are the benefits of using join based on index alignment compared to merging based on keys or columns?', 'In what situations would performing a join operation on DataFrames with non-unique index values lead to unexpected results?']
    },
    {
        'Main question': 'How does concat differ from merge and join in terms of combining DataFrames in Pandas?',
        'Explanation': 'The candidate should outline the distinct features of the concat function in Pandas for combining DataFrames along axes, underscoring its utility in concatenating DataFrames without considering common keys or indices.',
        'Follow-up questions': ['What are the axis options available in the concat function, and how do they impact the orientation of the concatenated DataFrames?', 'Can you explain the use cases where concat is more suitable than merge or join for data combination tasks?', 'What are the best practices for handling duplicate indices or columns when using the concat function to merge DataFrames?']
    },
    {
        'Main question': 'Discuss the performance considerations when choosing between merge, join, and concat functions in Pandas for merging DataFrames.',
        'Explanation': 'The candidate should evaluate the performance implications of using merge, join, and concat functions in Pandas for combining large datasets, highlighting factors such as memory usage, computational efficiency, and scalability.',
        'Follow-up questions': ['How do the complexity and computational costs of merge operations compare to those of join and concat operations in Pandas?', 'What strategies can be employed to optimize the performance of merging DataFrames when dealing with memory constraints or limited computational resources?', 'In what scenarios would the performance differences between merge, join, and concat functions become critical for data processing and analysis tasks?']
    },
    {
        'Main question': 'What are the potential pitfalls to avoid when merging DataFrames using Pandas?',
        'Explanation': 'The candidate should identify common pitfalls and challenges that may arise during the merging of DataFrames in Pandas, such as data loss, incorrect joins, mismatched indices, and unexpected output.',
        'Follow-up questions': ['How can data type inconsistencies between columns in the input DataFrames impact the merging process in Pandas?', 'What precautions should be taken to prevent creating Cartesian products or unintended duplicates when merging DataFrames?', 'Can you suggest debugging techniques or tools that can help troubleshoot merging errors or discrepancies in Pandas operations?']
    },
    {
        'Main question': 'In what scenarios would you recommend using merge, join, or concat functions for merging DataFrames in Pandas?',
        'Explanation': 'The candidate should provide insights into the specific use cases where merge, join, or concat functions would be most appropriate based on data structure, merging requirements, and desired output format in Pandas data manipulation tasks.',
        'Follow-up questions': ['How do the characteristics of the input DataFrames, such as sizes, key columns, and index labels, influence the choice between merge, join, or concat operations in Pandas?', 'Can you discuss any real-world examples where the selection of merge, join, or concat has led to efficient data integration and analysis workflows?', 'What factors should be considered when deciding whether to perform an inner, outer, left, or right merge/join using Pandas functions for merging DataFrames?']
    },
    {
        'Main question': 'Explain the concept of key columns and indices in the context of merging DataFrames using Pandas functions.',
        'Explanation': 'The candidate should define the roles of key columns and indices in Pandas DataFrames for facilitating data alignment and accurate merging, highlighting how identifying common keys or indices is crucial for successful merging operations.',
        'Follow-up questions': ['How can mismatched key columns or indices between input DataFrames impact the results of merge or join operations in Pandas?', 'What strategies can be employed to handle overlapping or conflicting key columns during the merging process?', 'In what ways do unique key columns or indices contribute to the effectiveness and reliability of merging DataFrames in Pandas?']
    },
    {
        'Main question': 'What are the best practices for cleaning and preprocessing DataFrames before merging them in Pandas?',
        'Explanation': 'The candidate should discuss the recommended techniques and approaches for preparing DataFrames through cleaning, normalization, and standardization to ensure seamless merging and accurate data alignment in Pandas operations.',
        'Follow-up questions': ['How does handling missing values, duplicates, or outliers in the input DataFrames impact the quality and integrity of the merged output in Pandas?', 'What role does data normalization and scaling play in enhancing the compatibility and consistency of DataFrames for merging purposes?', 'Can you demonstrate the steps involved in data preprocessing and cleaning to optimize the merging process and avoid common pitfalls or errors in Pandas operations?']
    },
    {
        'Main question': 'How can you handle duplicate column names or overlapping indices when merging DataFrames in Pandas?',
        'Explanation': 'The candidate should present strategies for resolving conflicts arising from duplicate column names or overlapping indices in DataFrames to ensure accurate merging results and prevent data ambiguity or loss in Pandas merging operations.',
        'Follow-up questions': ['What are the consequences of having duplicate or conflicting indices in the input DataFrames when performing merge or join operations using Pandas functions?', 'Can you explain the importance of specifying suffixes or suffixes options in the merge function to distinguish overlapping column names during merging?', 'In what scenarios would renaming columns or resetting indices be necessary before merging DataFrames to avoid data inconsistencies or errors in Pandas operations?']
    },
    {
        'Main question': 'How does the merge function in Pandas handle different types of join operations for merging DataFrames?',
        'Explanation': 'The candidate should explain the functionalities and outcomes of performing inner, outer, left, and right join operations using the merge function in Pandas, illustrating how each type of join affects the merged result and the inclusion of data from input DataFrames.',
        'Follow-up questions': ['What are the criteria for selecting the appropriate type of join operation based on the merging requirements and desired output in Pandas?', 'How does the merge function handle missing data or unmatched keys during various types of join operations in Pandas?', 'Can you provide examples where choosing a specific type of join operation has led to significant differences in the merged output and data completeness in Pandas operations?']
    }
]